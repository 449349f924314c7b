using System.Net;
using System.Net.Sockets;

namespace ServicePro.Testing;

/// <summary>
/// HTTP clients that reach the host from another loopback address (any 127.x.y.z on Linux), so that the host sees them
/// as different clients: what per-client limits are about.
/// </summary>
public static class ClientAddress
{
    /// <summary>A client of <paramref name="host"/> whose connections come from <paramref name="sourceAddress"/>; keeps cookies, does not follow redirects.</summary>
    public static HttpClient CreateClientFrom(this HostProcess host, string sourceAddress)
    {
        ArgumentNullException.ThrowIfNull(host);
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = host.BaseAddress };
    }
}
