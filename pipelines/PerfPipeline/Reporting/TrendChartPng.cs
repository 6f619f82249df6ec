namespace PerfPipeline.Reporting;

using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

using PerfPipeline.Dashboard;

/// <summary>
/// A measure's quarterly trend as a small PNG line chart for the Word report: axes, a line through every quarter's
/// figure and a dot per quarter. No text is drawn (no font is needed); the report names the measure and lists the
/// figures beside the image. Deterministic: the same points give the same bytes.
/// </summary>
public static class TrendChartPng
{
    public const int Width = 480;

    public const int Height = 200;

    private const int Margin = 12;

    private static readonly (byte R, byte G, byte B) Background = (255, 255, 255);
    private static readonly (byte R, byte G, byte B) Axis = (177, 180, 182);
    private static readonly (byte R, byte G, byte B) Line = (29, 112, 184);

    public static byte[] Render(IReadOnlyList<DashboardTrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var pixels = new byte[Width * Height * 3];
        Fill(pixels, Background);
        DrawLine(pixels, Margin, Height - Margin, Width - Margin, Height - Margin, Axis, 1);
        DrawLine(pixels, Margin, Margin, Margin, Height - Margin, Axis, 1);
        var values = points.Select((p, i) => (i, p.Value)).Where(p => p.Value is not null).Select(p => (p.i, Value: (double)p.Value!.Value)).ToList();
        if (values.Count > 0)
        {
            var min = Math.Min(0, values.Min(v => v.Value));
            var max = values.Max(v => v.Value);
            var span = max - min == 0 ? 1 : max - min;
            var step = points.Count > 1 ? (Width - 2 * Margin - 8) / (double)(points.Count - 1) : 0;
            (int X, int Y) At((int i, double Value) v) =>
                ((int)Math.Round(Margin + 4 + (v.i * step)), (int)Math.Round(Height - Margin - 4 - ((v.Value - min) / span * (Height - 2 * Margin - 8))));
            for (var k = 1; k < values.Count; k++)
            {
                var (x0, y0) = At(values[k - 1]);
                var (x1, y1) = At(values[k]);
                DrawLine(pixels, x0, y0, x1, y1, Line, 2);
            }

            foreach (var v in values)
            {
                var (x, y) = At(v);
                DrawLine(pixels, x, y, x, y, Line, 4);
            }
        }

        return Encode(pixels);
    }

    private static void Fill(byte[] pixels, (byte R, byte G, byte B) colour)
    {
        for (var i = 0; i < pixels.Length; i += 3)
        {
            (pixels[i], pixels[i + 1], pixels[i + 2]) = colour;
        }
    }

    /// <summary>Bresenham's line, each step stamped as a square of side <paramref name="thickness"/>.</summary>
    private static void DrawLine(byte[] pixels, int x0, int y0, int x1, int y1, (byte R, byte G, byte B) colour, int thickness)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, error = dx + dy;
        while (true)
        {
            for (var ox = -(thickness / 2); ox < thickness - (thickness / 2); ox++)
            {
                for (var oy = -(thickness / 2); oy < thickness - (thickness / 2); oy++)
                {
                    int x = x0 + ox, y = y0 + oy;
                    if (x >= 0 && x < Width && y >= 0 && y < Height)
                    {
                        var at = ((y * Width) + x) * 3;
                        (pixels[at], pixels[at + 1], pixels[at + 2]) = colour;
                    }
                }
            }

            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            var twice = 2 * error;
            if (twice >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (twice <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    /// <summary>PNG (RFC 2083): 8-bit RGB, no interlace, each scanline unfiltered, one zlib IDAT chunk.</summary>
    private static byte[] Encode(byte[] pixels)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(png, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < Height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(pixels, y * Width * 3, Width * 3);
            }
        }

        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        png.Write(crc);
    }
}
