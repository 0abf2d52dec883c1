import { Socket } from "node:net";

/**
 * TCP_NODELAY on the driver's Bolt sockets.
 *
 * neo4j-driver 5 (Node) leaves Nagle's algorithm on and writes each Bolt message in chunks of
 * at most 1,400 bytes. A query whose text and parameters pass that size (a long query, or a
 * batch of keys) goes out in several writes, and the last one waits for the server's delayed
 * ACK, many times what Neo4j takes to answer (bench/README.md). The driver offers no socket
 * option, but it calls setKeepAlive(true) on every socket it opens: this makes that call turn
 * Nagle's algorithm off as well. Node's HTTP sockets already run without
 * it, so no other socket loses anything by it. Imported once, by src/db/driver.ts.
 */
const PATCHED = Symbol.for("imss-knowledge-graph.setKeepAlive.noDelay");
const proto = Socket.prototype as Socket & { [PATCHED]?: true };

if (!proto[PATCHED]) {
  const setKeepAlive = proto.setKeepAlive;
  proto.setKeepAlive = function (this: Socket, ...args: Parameters<Socket["setKeepAlive"]>) {
    if (args[0] === true) this.setNoDelay(true);
    return setKeepAlive.apply(this, args);
  };
  proto[PATCHED] = true;
}
