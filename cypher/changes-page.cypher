// One page of the change log, newest first, optionally about one target; keyset on (at, key).
MATCH (c:Change)
WHERE ($target IS NULL OR c.target = $target)
WITH c, toString(c.at) AS sort
WHERE $afterKey IS NULL OR sort < $afterValue OR (sort = $afterValue AND c.key > $afterKey)
RETURN c {.key, .by, .action, .target, .summary, at: toString(c.at)} AS change, sort
ORDER BY sort DESC, c.key
LIMIT $limit
