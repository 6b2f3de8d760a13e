import { displayTimestamp, localTimestamp } from "../../src/core/dates";

test("timestamps read as a clerk's wall clock", () => {
  expect(displayTimestamp("2024-12-20T09:30:00+08:00")).toBe("2024-12-20 09:30");
  expect(displayTimestamp("2024-12-20T00:00:00Z")).toBe("2024-12-20");
  expect(displayTimestamp("2024-12-20T01:30:15.123Z")).toBe("2024-12-20 01:30");
  expect(displayTimestamp("昨天")).toBe("昨天");
  const now = new Date(2024, 11, 20, 9, 5, 7);
  const local = localTimestamp(now);
  expect(local).toMatch(/^2024-12-20T09:05:07[+-]\d{2}:\d{2}$/);
  expect(new Date(local).getTime()).toBe(now.getTime());
});
