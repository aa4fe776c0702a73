/**
 * Imported first by the Office-side tests: the double mirrors every call onto Microsoft's Office.js client
 * (officeClient.ts), so requests are measured and refused as Office serializes them.
 */
import { FakeExcel } from "./fakeExcel";
import { mirror, officeClient } from "./officeClient";

const client = officeClient();
FakeExcel.client = { context: () => new client.Excel.RequestContext(), mirror, take: client.take };
