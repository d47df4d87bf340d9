using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ThiDua.Web.Infrastructure.Signing;

/// <summary>A rectangle on a page in PDF user space (points, origin at the bottom left).</summary>
internal readonly record struct PageBox(double Left, double Bottom, double Width, double Height);

/// <summary>
/// Where the visible signature goes: in the blank space of the signature block, above the signer's name, as a hand
/// signature would — on the last page that has the name (a decision's attached list comes after its signature). The
/// name's position comes from poppler's <c>pdftotext -bbox-layout</c>; without poppler, or when the name is on no page,
/// the block goes to the lower right of the last page above the bottom margin.
/// </summary>
internal static class SignaturePlacement
{
    public const double BoxWidth = 210;
    public const double BoxHeight = 58;
    private const double BottomMargin = 60;
    private const double RightMargin = 56;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(20);

    public static PageBox Fallback(double pageWidth) => new(pageWidth - RightMargin - BoxWidth, BottomMargin, BoxWidth, BoxHeight);

    /// <summary>The page (0-based) and the box above <paramref name="signerName"/>, searching from the last page back; null when it is on none.</summary>
    public static (int PageIndex, PageBox Box)? AboveName(byte[] pdf, string signerName, ILogger logger)
    {
        var wanted = Words(signerName);
        if (wanted.Length == 0 || RunPdfToText(pdf, logger) is not { } xhtml)
        {
            return null;
        }
        using var reader = XmlReader.Create(new StringReader(xhtml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var pages = XDocument.Load(reader).Descendants().Where(e => e.Name.LocalName == "page").ToList();
        for (var index = pages.Count - 1; index >= 0; index--)
        {
            if (AboveName(ReadLines(pages[index]), Number(pages[index], "width"), Number(pages[index], "height"), wanted) is { } box)
            {
                return (index, box);
            }
        }
        return null;
    }

    private static PageBox? AboveName(List<Line> lines, double pageWidth, double pageHeight, string[] wanted)
    {
        // The signature block's line holds the name alone; elsewhere (a list of people) it may stand among other words.
        // Of each kind the last occurrence: the signature block is at the end.
        var name = lines.LastOrDefault(line => line.Words.SequenceEqual(wanted, StringComparer.CurrentCultureIgnoreCase))
            ?? lines.LastOrDefault(line => ContainsSequence(line.Words, wanted));
        if (name is null)
        {
            return null;
        }
        // The nearest line above the name that shares its columns is the signer's title; the box fills the space between.
        var above = lines.Where(l => l.YMax <= name.YMin + 0.5 && l.XMin < name.XMax && l.XMax > name.XMin).MaxBy(l => l.YMax);
        var gapTop = above?.YMax ?? Math.Max(0, name.YMin - BoxHeight - 8);
        var gap = name.YMin - gapTop;
        var height = Math.Clamp(gap - 12, 40, 64);
        var width = Math.Max(BoxWidth, name.XMax - name.XMin);
        var centre = (name.XMin + name.XMax) / 2;
        var left = Math.Clamp(centre - width / 2, 10, pageWidth - width - 10);
        // pdftotext measures from the top; PDF from the bottom. The box sits in the middle of the gap.
        var topFromTop = gap - 12 >= height ? gapTop + (gap - height) / 2 : name.YMin - 3 - height;
        return new PageBox(left, pageHeight - topFromTop - height, width, height);
    }

    private sealed record Line(double XMin, double YMin, double XMax, double YMax, string[] Words);

    private static List<Line> ReadLines(XElement page) =>
        page.Descendants().Where(e => e.Name.LocalName == "line").Select(line => new Line(
            Number(line, "xMin"), Number(line, "yMin"), Number(line, "xMax"), Number(line, "yMax"),
            [.. line.Elements().Where(w => w.Name.LocalName == "word").SelectMany(w => Words(w.Value))])).ToList();

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)?.Value ?? "0", CultureInfo.InvariantCulture);

    private static string[] Words(string text) =>
        text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static bool ContainsSequence(string[] words, string[] wanted)
    {
        for (var start = 0; start + wanted.Length <= words.Length; start++)
        {
            if (wanted.Select((w, i) => string.Equals(words[start + i], w, StringComparison.CurrentCultureIgnoreCase)).All(same => same))
            {
                return true;
            }
        }
        return false;
    }

    private static string? RunPdfToText(byte[] pdf, ILogger logger)
    {
        var input = Path.Combine(Path.GetTempPath(), "thidua-sign-" + Guid.NewGuid().ToString("N") + ".pdf");
        try
        {
            File.WriteAllBytes(input, pdf);
            var start = new ProcessStartInfo("pdftotext")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { "-bbox-layout", "-enc", "UTF-8", input, "-" })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeLimit))
            {
                process.Kill(entireProcessTree: true);
                logger.LogWarning("pdftotext did not finish within {Seconds} s; the signature block goes to the lower right", TimeLimit.TotalSeconds);
                return null;
            }
            if (process.ExitCode != 0)
            {
                logger.LogWarning("pdftotext failed ({Code}): {Errors}", process.ExitCode, errors.Result);
                return null;
            }
            return output.Result;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            logger.LogInformation("pdftotext (Debian package poppler-utils) is not installed; the signature block goes to the lower right of the last page");
            return null;
        }
        finally
        {
            File.Delete(input);
        }
    }
}
