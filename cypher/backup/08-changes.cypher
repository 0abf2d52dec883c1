// Backup: the whole change log, oldest first (the time as an ISO string, to the nanosecond).
// No parameters.
MATCH (c:Change)
RETURN c {.key, .by, .action, .target, .summary, at: toString(c.at)} AS change
ORDER BY c.at, c.key
