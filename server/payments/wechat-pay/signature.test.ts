import { createCipheriv, createSign, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authorizationHeader, decryptResource, pemFromEnv, privateKeyFromEnv, requestMessage, responseMessage, signSha256Rsa, verifySha256Rsa } from "./signature";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
const APIV3 = "0123456789abcdefghijklmnopqrstuv";

/** Encrypted the way WeChat documents it, independently of the code under test. */
function encrypt(plaintext: string, key = APIV3, nonce = "46b2d9b6a1f4", aad = "refund") {
  const c = createCipheriv("aes-256-gcm", Buffer.from(key), Buffer.from(nonce));
  c.setAAD(Buffer.from(aad));
  return { algorithm: "AEAD_AES_256_GCM", nonce, associated_data: aad, ciphertext: Buffer.concat([c.update(plaintext, "utf8"), c.final(), c.getAuthTag()]).toString("base64") };
}

describe("WeChat Pay v3 signing", () => {
  it("builds the request message exactly as WeChat's documentation shows (an empty GET body still ends its line)", () => {
    expect(requestMessage("GET", "/v3/certificates", "1554208460", "593BEC0C930BF1AFEB40B4A08C8FB242", "")).toBe("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
    expect(responseMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", '{"a":1}')).toBe('1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{"a":1}\n');
  });

  it("signs SHA256withRSA in a way any RSA-SHA256 verifier accepts, and verifies what such a signer produced", () => {
    const message = responseMessage("1700000000", "n0nce", '{"status":"SUCCESS","note":"退款"}');
    const ours = signSha256Rsa(message, privateKey);
    const theirs = createSign("sha256").update(Buffer.from(message, "utf8")).sign(privateKey, "base64");
    expect(ours).toBe(theirs); // PKCS#1 v1.5 is deterministic
    expect(verifySha256Rsa(message, theirs, publicKey)).toBe(true);
  });

  it("does not verify a changed message, another key's signature, or garbage — and never throws", () => {
    const message = responseMessage("1700000000", "n0nce", "{}");
    const sig = signSha256Rsa(message, privateKey);
    expect(verifySha256Rsa(message.replace("{}", "{ }"), sig, publicKey)).toBe(false);
    expect(verifySha256Rsa(message, signSha256Rsa(message, other.privateKey), publicKey)).toBe(false);
    expect(verifySha256Rsa(message, "WECHATPAY/SIGNTEST/abc", publicKey)).toBe(false);
    expect(verifySha256Rsa(message, "", publicKey)).toBe(false);
    expect(verifySha256Rsa(message, "AAAA", publicKey)).toBe(false);
  });

  it("writes the Authorization header in WeChat's scheme with every parameter quoted", () => {
    expect(authorizationHeader({ mchid: "1900009191", nonce: "593BEC0C930BF1AFEB40B4A08C8FB242", signature: "c2ln", timestamp: "1554208460", serialNo: "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C" })).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="c2ln",timestamp="1554208460",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"',
    );
  });
});

describe("AEAD_AES_256_GCM resources", () => {
  it("decrypts a resource encrypted with the APIv3 key, nonce and associated data", () => {
    const plain = JSON.stringify({ out_refund_no: "RFR0001-1", refund_status: "SUCCESS", note: "退款成功" });
    expect(decryptResource(encrypt(plain), APIV3)).toBe(plain);
  });

  it("throws for another key, changed associated data, a changed ciphertext, or another algorithm", () => {
    const r = encrypt('{"a":1}');
    expect(() => decryptResource(r, "vutsrqponmlkjihgfedcba9876543210")).toThrow();
    expect(() => decryptResource({ ...r, associated_data: "transaction" }, APIV3)).toThrow();
    const bytes = Buffer.from(r.ciphertext, "base64");
    bytes[0]! ^= 1;
    expect(() => decryptResource({ ...r, ciphertext: bytes.toString("base64") }, APIV3)).toThrow();
    expect(() => decryptResource({ ...r, algorithm: "AEAD_SM4_GCM" }, APIV3)).toThrow(/unsupported/);
    expect(() => decryptResource({ ...r, ciphertext: "" }, APIV3)).toThrow();
  });
});

describe("PEM keys from env", () => {
  it("reads a PEM with real line breaks or with \\n written out", () => {
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const escaped = pem.trim().replace(/\n/g, "\\n");
    expect(pemFromEnv(escaped)).toBe(pem.trim());
    expect(privateKeyFromEnv(escaped).asymmetricKeyType).toBe("rsa");
    expect(privateKeyFromEnv(pem).asymmetricKeyType).toBe("rsa");
  });
});
