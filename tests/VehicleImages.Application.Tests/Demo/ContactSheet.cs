using VehicleImages.Imaging;

namespace VehicleImages.Application.Tests.Demo;

/// <summary>Tiles equally sized pictures into one, for a person to look over a set of views at a glance.</summary>
internal static class ContactSheet
{
    public static string ArtifactsFolder => Path.Combine(AppContext.BaseDirectory, "artifacts");

    public static PixelBuffer Compose(IReadOnlyList<PixelBuffer> tiles, int columns)
    {
        var (tileWidth, tileHeight, bands) = (tiles[0].Width, tiles[0].Height, 3);
        var rows = (tiles.Count + columns - 1) / columns;
        var (width, height) = (tileWidth * columns, tileHeight * rows);
        var sheet = new byte[width * height * bands];
        Array.Fill(sheet, (byte)255);
        for (var t = 0; t < tiles.Count; t++)
        {
            var tile = tiles[t];
            var (left, top) = (t % columns * tileWidth, t / columns * tileHeight);
            for (var y = 0; y < tile.Height; y++)
            {
                for (var x = 0; x < tile.Width; x++)
                {
                    var o = ((((top + y) * width) + left + x) * bands);
                    // Transparent tiles are shown on a checkerboard, as image editors do.
                    var alpha = tile.HasAlpha ? tile[x, y, tile.Bands - 1] / 255d : 1;
                    var checker = ((x / 16) + (y / 16)) % 2 == 0 ? 255 : 205;
                    for (var b = 0; b < bands; b++)
                    {
                        sheet[o + b] = (byte)Math.Round((tile[x, y, Math.Min(b, tile.Bands - 1)] * alpha) + (checker * (1 - alpha)));
                    }
                }
            }
        }

        return new PixelBuffer(sheet, width, height, bands);
    }
}
