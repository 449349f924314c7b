using System.Net;
using System.Net.Sockets;
using System.Text;
using ServicePro.Testing;

namespace ServicePro.Host.Tests.Testing;

/// <summary>The tests' load balancer (tests/ServicePro.Testing), against loopback listeners standing in for hosts.</summary>
[TestClass]
public sealed class TcpBalancerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Connection_BytesBothWays_CopiedUnchanged()
    {
        using var backend = Listen();
        await using var balancer = new TcpBalancer([Port(backend)]);
        using var client = await ConnectAsync(balancer.Port);
        using var served = await backend.AcceptSocketAsync(TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);

        await SendAsync(client, "Привет, 你好 👋 — to the host");
        Assert.AreEqual("Привет, 你好 👋 — to the host", await ReceiveAsync(served, "Привет, 你好 👋 — to the host"));
        await SendAsync(served, "Ответ, 回答 ✅ — from the host");
        Assert.AreEqual("Ответ, 回答 ✅ — from the host", await ReceiveAsync(client, "Ответ, 回答 ✅ — from the host"));
    }

    [TestMethod]
    public async Task Connection_FirstBackendRefuses_CarriedByTheSecond()
    {
        var dead = RefusingPort();
        using var second = Listen();
        await using var balancer = new TcpBalancer([dead, Port(second)]);

        using var client = await ConnectAsync(balancer.Port);
        using var served = await second.AcceptSocketAsync(TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);

        await SendAsync(client, "через второй");
        Assert.AreEqual("через второй", await ReceiveAsync(served, "через второй"));
    }

    [TestMethod]
    public async Task Connection_ItsBackendDies_ClosedAndTheNextConnectionLandsOnTheNextBackend()
    {
        var first = Listen();
        using var second = Listen();
        await using var balancer = new TcpBalancer([Port(first), Port(second)]);
        using var client = await ConnectAsync(balancer.Port);
        var served = await first.AcceptSocketAsync(TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);
        await SendAsync(client, "sticky");
        Assert.AreEqual("sticky", await ReceiveAsync(served, "sticky"), "new connections go to the first backend while it accepts");

        // The first host dies: its listener and its open connection go.
        first.Dispose();
        served.Dispose();

        Assert.AreEqual(0, await client.ReceiveAsync(new byte[16], TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken), "the client sees its connection end");
        using var reconnected = await ConnectAsync(balancer.Port);
        using var servedAgain = await second.AcceptSocketAsync(TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);
        await SendAsync(reconnected, "again");
        Assert.AreEqual("again", await ReceiveAsync(servedAgain, "again"));
    }

    [TestMethod]
    public async Task Remove_FirstBackend_NewConnectionsGoToTheNextWhileOldOnesStay()
    {
        using var first = Listen();
        using var second = Listen();
        await using var balancer = new TcpBalancer([Port(first), Port(second)]);
        using var early = await ConnectAsync(balancer.Port);
        using var servedEarly = await first.AcceptSocketAsync(TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);

        balancer.Remove(Port(first));
        using var late = await ConnectAsync(balancer.Port);
        using var servedLate = await second.AcceptSocketAsync(TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);

        CollectionAssert.AreEqual(new[] { Port(second) }, balancer.Backends.ToArray());
        await SendAsync(early, "still on the first");
        Assert.AreEqual("still on the first", await ReceiveAsync(servedEarly, "still on the first"));
        await SendAsync(late, "on the second");
        Assert.AreEqual("on the second", await ReceiveAsync(servedLate, "on the second"));
    }

    [TestMethod]
    public async Task SetBackends_NewList_NewConnectionsTryItInOrder()
    {
        using var first = Listen();
        using var second = Listen();
        await using var balancer = new TcpBalancer([Port(first)]);

        balancer.SetBackends([RefusingPort(), Port(second), Port(first)]);
        using var client = await ConnectAsync(balancer.Port);
        using var served = await second.AcceptSocketAsync(TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);

        await SendAsync(client, "второй по списку");
        Assert.AreEqual("второй по списку", await ReceiveAsync(served, "второй по списку"));
    }

    [TestMethod]
    public async Task DisposeAsync_ListenerAndOpenConnections_Closed()
    {
        using var backend = Listen();
        var balancer = new TcpBalancer([Port(backend)]);
        using var client = await ConnectAsync(balancer.Port);
        using var served = await backend.AcceptSocketAsync(TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);
        await SendAsync(client, "before");
        await ReceiveAsync(served, "before");

        await balancer.DisposeAsync();

        Assert.AreEqual(0, await client.ReceiveAsync(new byte[16], TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken), "the client's connection is closed");
        Assert.AreEqual(0, await served.ReceiveAsync(new byte[16], TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken), "the backend's connection is closed");
        var refused = await Assert.ThrowsAsync<SocketException>(() => ConnectAsync(balancer.Port));
        Assert.AreEqual(SocketError.ConnectionRefused, refused.SocketErrorCode, "nothing listens on the balancer's port any more");
    }

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>A loopback port nothing listens on: taken, then given back.</summary>
    private static int RefusingPort()
    {
        using var listener = Listen();
        return Port(listener);
    }

    private async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task SendAsync(Socket socket, string text) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), TestContext.CancellationToken);

    /// <summary>Reads until as many bytes as <paramref name="expected"/> has in UTF-8 came, or the connection ended.</summary>
    private async Task<string> ReceiveAsync(Socket socket, string expected)
    {
        var buffer = new byte[Encoding.UTF8.GetByteCount(expected)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), TestContext.CancellationToken).AsTask().WaitAsync(Timeout, TestContext.CancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
