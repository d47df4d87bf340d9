using SkiaSharp;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Initiatives;

/// <summary>An image made ready to show: re-encoded at most <see cref="InitiativeImages.MaxEdge"/> pixels wide or high, and its thumbnail (JPEG).</summary>
public sealed record ProcessedImage(byte[] Content, int Width, int Height, byte[] Thumbnail, int ThumbnailWidth, int ThumbnailHeight);

/// <summary>
/// Pictures of initiatives and models, for the public gallery and the media centre (docs/decisions/021): decoded with
/// SkiaSharp, turned upright by their EXIF orientation, scaled down to a bounded size and encoded again — which also
/// drops their metadata (a phone's GPS position, the camera's serial) before they are published — plus a small JPEG
/// thumbnail for the gallery. A file that only looks like an image by its first bytes fails to decode and is refused.
/// </summary>
public static class InitiativeImages
{
    /// <summary>The long edge of a stored image: enough for a news article or a slide, far below a camera's 4000+.</summary>
    public const int MaxEdge = 1600;

    public const int ThumbnailEdge = 320;

    /// <summary>A picture declaring more pixels than this (a "decompression bomb") is refused before it is decoded.</summary>
    public const long MaxPixels = 40_000_000;

    private static readonly SKSamplingOptions Sampling = new(SKCubicResampler.Mitchell);

    public static ProcessedImage Process(byte[] content, string contentType)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var codec = SKCodec.Create(stream) ?? throw Unreadable();
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            throw new FileRejectedException(StatusCodes.Status415UnsupportedMediaType, $"Ảnh quá lớn ({codec.Info.Width} × {codec.Info.Height} điểm ảnh); hãy thu nhỏ trước khi tải lên.");
        }
        using var decoded = SKBitmap.Decode(codec) ?? throw Unreadable();
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var keepsAlpha = contentType != FileTypes.Jpeg;
        using var large = Scale(upright, MaxEdge, opaque: !keepsAlpha);
        var format = contentType switch
        {
            FileTypes.Png => SKEncodedImageFormat.Png,
            FileTypes.Webp => SKEncodedImageFormat.Webp,
            _ => SKEncodedImageFormat.Jpeg,
        };
        using var small = Scale(upright, ThumbnailEdge, opaque: true);
        return new ProcessedImage(Encode(large, format, 85), large.Width, large.Height, Encode(small, SKEncodedImageFormat.Jpeg, 80), small.Width, small.Height);
    }

    private static FileRejectedException Unreadable() =>
        new(StatusCodes.Status415UnsupportedMediaType, "Không đọc được ảnh: tệp hỏng hoặc không phải ảnh JPEG, PNG, WebP.");

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality) ?? throw Unreadable();
        return data.ToArray();
    }

    /// <summary>Scaled to fit <paramref name="maxEdge"/> (never enlarged); an opaque copy is painted on white, for JPEG.</summary>
    private static SKBitmap Scale(SKBitmap source, int maxEdge, bool opaque)
    {
        var scale = Math.Min(1.0, (double)maxEdge / Math.Max(source.Width, source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(opaque ? SKColors.White : SKColors.Transparent);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), Sampling);
        return target;
    }

    /// <summary>Phones store pictures sideways and say so in EXIF: the turns that cameras write are applied (mirrored ones are rare and kept as they are).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var width = swap ? source.Height : source.Width;
        var height = swap ? source.Width : source.Height;
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.Transparent);
        canvas.Translate(width / 2f, height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, Sampling);
        return target;
    }
}
