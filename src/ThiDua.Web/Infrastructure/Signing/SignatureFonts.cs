using PdfSharp.Fonts;

namespace ThiDua.Web.Infrastructure.Signing;

/// <summary>
/// PDFsharp on Linux finds no fonts by itself. The visible signature is drawn with Liberation Sans from Debian's
/// fonts-liberation2 (the package the document rendering needs anyway): it has every Vietnamese letter, and PDFsharp
/// embeds the subset it uses.
/// </summary>
internal sealed class SignatureFonts : IFontResolver
{
    public const string Family = "Liberation Sans";

    private static readonly string[] Folders = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"];
    private static readonly Lock Gate = new();

    /// <summary>Sets the resolver once per process; PDFsharp allows it only before the first font is used.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new SignatureFonts();
            }
        }
    }

    /// <summary>Liberation Serif (Times New Roman metrics) and Mono by name; every other family is Liberation Sans.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        var family = familyName.Contains("Serif", StringComparison.OrdinalIgnoreCase) || familyName.Contains("Times", StringComparison.OrdinalIgnoreCase)
            ? "LiberationSerif"
            : familyName.Contains("Mono", StringComparison.OrdinalIgnoreCase) ? "LiberationMono" : "LiberationSans";
        var style = (isBold, isItalic) switch
        {
            (true, true) => "BoldItalic",
            (true, false) => "Bold",
            (false, true) => "Italic",
            _ => "Regular",
        };
        return new FontResolverInfo($"{family}-{style}");
    }

    public byte[]? GetFont(string faceName)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, faceName + ".ttf");
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }
        throw new InvalidOperationException(
            $"Không tìm thấy phông chữ {faceName}.ttf để vẽ chữ ký: cài gói Debian fonts-liberation2 (apt-get install fonts-liberation2).");
    }
}
