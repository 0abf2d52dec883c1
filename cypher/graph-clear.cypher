// Deletes every node and relationship of the database (a restore with --replace, in the load's
// own transaction, so that the graph holds either what it held or the backup). No parameters.
MATCH (n)
DETACH DELETE n
