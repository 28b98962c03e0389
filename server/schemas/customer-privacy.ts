import { z } from "zod";
import { id } from "./fields";

export const sessionIdInput = z.object({ id });
export const erasureIdInput = z.object({ id });
