using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Infrastructure.Documents;

namespace ThiDua.IntegrationTests.Documents;

/// <summary>A word of a PDF page with its box in millimetres from the page's top-left corner.</summary>
internal sealed record PdfWord(int Page, string Text, double Left, double Top, double Right, double Bottom);

/// <summary>
/// The independent tools the document tests read the output with: the Open XML SDK's validator, LibreOffice (through the
/// app's own converter), poppler (pdffonts, pdftotext, pdftoppm) and zbar (zbarimg). They run for real; a missing tool
/// fails the test with the Debian package to install (CI's .ci/run installs them).
/// </summary>
internal static class DocumentTools
{
    private const double MmPerPt = 25.4 / 72;

    /// <summary>One converter for all tests, as in the app: LibreOffice runs one conversion at a time.</summary>
    public static readonly LibreOfficePdfConverter Converter = new(Options.Create(new DocumentOptions()), NullLogger<LibreOfficePdfConverter>.Instance);

    public static IReadOnlyList<string> ValidationErrors(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Description} ({e.Path?.XPath}, {e.Part?.Uri})").ToList();
    }

    /// <summary>The text of a DOCX, a space between runs and a line between paragraphs (as a reader of the file would see it).</summary>
    public static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>();
        return string.Join("\n", paragraphs.Select(p => string.Concat(p.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text))));
    }

    public static async Task<byte[]> PdfAsync(byte[] docx)
    {
        Assert.True(Converter.Unavailable is null, $"{Converter.Unavailable} (sudo apt-get install libreoffice-writer-nogui fonts-liberation2)");
        return await Converter.ConvertDocxAsync(docx);
    }

    public static string Text(byte[] pdf) => ExternalTools.RunOn("pdftotext", pdf, ".pdf", file => ["-layout", file, "-"]);

    /// <summary>pdffonts' rows: name, type and whether the font is embedded ("emb" column).</summary>
    public static IReadOnlyList<(string Name, bool Embedded)> Fonts(byte[] pdf)
    {
        var lines = ExternalTools.RunOn("pdffonts", pdf, ".pdf", file => [file]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var emb = header.IndexOf("emb", StringComparison.Ordinal);
        return lines.Skip(2).Select(l => (l.Split(' ')[0], l.Substring(emb, 3).Trim() == "yes")).ToList();
    }

    /// <summary>Every word with its position (pdftotext -bbox), and each page's size in millimetres.</summary>
    public static (IReadOnlyList<PdfWord> Words, IReadOnlyList<(double Width, double Height)> Pages) Words(byte[] pdf)
    {
        var html = ExternalTools.RunOn("pdftotext", pdf, ".pdf", file => ["-bbox", file, "-"]);
        var xhtml = XNamespace.Get("http://www.w3.org/1999/xhtml");
        var root = XDocument.Parse(html);
        var words = new List<PdfWord>();
        var pages = new List<(double, double)>();
        foreach (var page in root.Descendants(xhtml + "page"))
        {
            pages.Add((D(page, "width") * MmPerPt, D(page, "height") * MmPerPt));
            words.AddRange(page.Elements(xhtml + "word").Select(w => new PdfWord(pages.Count, w.Value,
                D(w, "xMin") * MmPerPt, D(w, "yMin") * MmPerPt, D(w, "xMax") * MmPerPt, D(w, "yMax") * MmPerPt)));
        }
        return (words, pages);
    }

    /// <summary>The texts of the QR codes on a page, read by zbarimg from a 200 dpi rendering.</summary>
    public static IReadOnlyList<string> QrCodes(byte[] pdf, int page)
    {
        var png = PagePng(pdf, page, 200);
        return ExternalTools.RunOn("zbarimg", png, ".png", file => ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", file], allowExitCodes: [0, 4])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static byte[] PagePng(byte[] pdf, int page, int dpi)
    {
        var directory = Directory.CreateTempSubdirectory("thidua-png");
        try
        {
            var input = Path.Combine(directory.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var prefix = Path.Combine(directory.FullName, "page");
            ExternalTools.Run("pdftoppm", ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-png", "-f", $"{page}", "-l", $"{page}", "-singlefile", input, prefix]);
            return File.ReadAllBytes(prefix + ".png");
        }
        finally
        {
            directory.Delete(true);
        }
    }

    /// <summary>Saves page 1 (and every page as PDF) for a person to look at, when THIDUA_DOCUMENT_SHOTS names a folder.</summary>
    public static void Shot(byte[] pdf, string name, int page = 1)
    {
        if (Environment.GetEnvironmentVariable("THIDUA_DOCUMENT_SHOTS") is not { Length: > 0 } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, $"{name}.pdf"), pdf);
        File.WriteAllBytes(Path.Combine(folder, $"{name}-page{page}.png"), PagePng(pdf, page, 80));
    }

    private static double D(XElement element, string name) => double.Parse(element.Attribute(name)!.Value, CultureInfo.InvariantCulture);
}
