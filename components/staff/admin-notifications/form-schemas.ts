/**
 * The forms check their fields with the router's own input schemas (one source of rules, messages
 * in the page's language); what only the server knows comes back per field or as one message.
 */
export { saveChannelInput as channelFields, saveEndpointInput as endpointFields } from "@/server/schemas/notifications";
