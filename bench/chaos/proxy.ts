// A TCP proxy between the gateway and PostgreSQL that can blackhole the link: it stops forwarding in both
// directions without closing anything (as a dead route or a hung firewall does), then resumes. Bytes sent
// meanwhile wait in the proxy, as unacknowledged segments would wait in TCP's retransmission, and arrive on resume.
import net from 'node:net'

export class BlackholeProxy {
  private readonly sockets = new Set<net.Socket>()
  private held = false
  /** Connections accepted while held, to connect upstream on resume. */
  private waiting: Array<() => void> = []

  private constructor (private readonly server: net.Server, readonly port: number) {}

  static async start (targetPort: number, targetHost = '127.0.0.1'): Promise<BlackholeProxy> {
    // eslint-disable-next-line prefer-const -- the connection callback reads it before it is assigned
    let proxy: BlackholeProxy | undefined
    const server = net.createServer((downstream) => {
      if (proxy === undefined) { downstream.destroy(); return }
      proxy.accept(downstream, targetPort, targetHost)
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    proxy = new BlackholeProxy(server, (server.address() as net.AddressInfo).port)
    return proxy
  }

  /** A URL like `url` that goes through the proxy. */
  url (url: string): string {
    const parsed = new URL(url)
    parsed.host = `127.0.0.1:${this.port}`
    return parsed.toString()
  }

  get connections (): number { return this.sockets.size / 2 }

  private accept (downstream: net.Socket, port: number, host: string): void {
    this.sockets.add(downstream)
    downstream.on('close', () => this.sockets.delete(downstream))
    downstream.on('error', () => {})
    const connect = (): void => {
      if (downstream.destroyed) return
      const upstream = net.connect(port, host)
      this.sockets.add(upstream)
      upstream.on('close', () => { this.sockets.delete(upstream); downstream.destroy() })
      upstream.on('error', () => {})
      downstream.on('close', () => upstream.destroy())
      this.forward(downstream, upstream)
      this.forward(upstream, downstream)
    }
    if (this.held) {
      downstream.pause()
      this.waiting.push(connect)
    } else {
      connect()
    }
  }

  /** Copies `from` to `to` while not held; a held socket is paused, so its bytes wait unread. */
  private forward (from: net.Socket, to: net.Socket): void {
    from.on('data', (chunk) => { to.write(chunk) })
    if (this.held) from.pause()
  }

  /** Stops forwarding: every socket stays open and nothing passes. */
  hold (): void {
    this.held = true
    for (const socket of this.sockets) socket.pause()
  }

  resume (): void {
    this.held = false
    const waiting = this.waiting
    this.waiting = []
    // Their listeners first: a socket resumed with no 'data' listener would drop what it reads.
    for (const connect of waiting) connect()
    for (const socket of this.sockets) socket.resume()
  }

  async close (): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
