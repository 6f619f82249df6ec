namespace PerfPipeline.Benchmarks.Serve;

using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// A small closed-loop HTTP/1.1 load generator: each connection is one keep-alive socket sending the same GET and
/// reading the whole response before the next, so the client costs little CPU beside the server on the same machine.
/// Latency is from sending a request to having read its last byte.
/// </summary>
internal static class HttpLoadGenerator
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "\r\ncontent-length:"u8.ToArray();

    public static async Task<HttpLoadResult> RunAsync(Uri url, int connections, TimeSpan duration)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(url.Host), url.Port);
        var request = Encoding.ASCII.GetBytes($"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nAccept: application/json\r\n\r\n");
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var runs = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => RunConnectionAsync(endpoint, request, stopAt))))
            .ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var latencies = runs.SelectMany(r => r.Latencies).Order().ToArray();
        return new HttpLoadResult(latencies.Length, runs.Sum(r => r.NotOk), elapsed, latencies, runs.Max(r => r.BodyBytes));
    }

    private static async Task<(List<long> Latencies, int NotOk, long BodyBytes)> RunConnectionAsync(IPEndPoint endpoint, byte[] request, long stopAt)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint).ConfigureAwait(false);
        var buffer = new byte[64 * 1024];
        var latencies = new List<long>(1 << 16);
        var notOk = 0;
        long bodyBytes = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var sent = Stopwatch.GetTimestamp();
            await socket.SendAsync(request, SocketFlags.None).ConfigureAwait(false);
            var (status, length) = await ReadResponseAsync(socket, buffer).ConfigureAwait(false);
            latencies.Add(Stopwatch.GetTimestamp() - sent);
            notOk += status == 200 ? 0 : 1;
            bodyBytes = length;
        }

        socket.Shutdown(SocketShutdown.Both);
        return (latencies, notOk, bodyBytes);
    }

    /// <summary>Reads one response (status line, headers, a Content-Length body) and gives its status and body length.</summary>
    private static async Task<(int Status, long BodyLength)> ReadResponseAsync(Socket socket, byte[] buffer)
    {
        var received = 0;
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(0, received).IndexOf(HeaderEnd)) < 0)
        {
            received += await ReceiveAsync(socket, buffer.AsMemory(received)).ConfigureAwait(false);
        }

        var header = buffer.AsSpan(0, headerEnd + HeaderEnd.Length);
        if (!Utf8Parser.TryParse(header[9..12], out int status, out _))
        {
            throw new InvalidDataException("Not an HTTP/1.1 status line.");
        }

        var bodyLength = BodyLength(header);
        var remaining = bodyLength - (received - header.Length);
        while (remaining > 0)
        {
            remaining -= await ReceiveAsync(socket, buffer).ConfigureAwait(false);
        }

        return (status, bodyLength);
    }

    private static long BodyLength(ReadOnlySpan<byte> header)
    {
        Span<byte> lower = stackalloc byte[header.Length];
        Ascii.ToLower(header, lower, out _);
        var at = lower.IndexOf(ContentLength);
        if (at < 0)
        {
            return 0;
        }

        var value = lower[(at + ContentLength.Length)..].TrimStart((byte)' ');
        return Utf8Parser.TryParse(value, out long length, out _) ? length : throw new InvalidDataException("Content-Length is not a number.");
    }

    private static async Task<int> ReceiveAsync(Socket socket, Memory<byte> into)
    {
        var read = await socket.ReceiveAsync(into, SocketFlags.None).ConfigureAwait(false);
        return read > 0 ? read : throw new IOException("The server closed the connection.");
    }
}
