using System.Text.RegularExpressions;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// The Content-Security-Policy (SecurityHeaders) allows scripts and styles from files only, so the Razor files must
/// not bring inline code back: a style attribute, a script without src, an on…= handler or a javascript: URL would
/// silently stop working in the browser. Html.Raw is refused too: it is how markup from data reaches a page unescaped.
/// Behaviour goes in wwwroot/js with data-* attributes, looks in wwwroot/css/site.css.
/// </summary>
public partial class InlineMarkupTests
{
    [Fact]
    public void NoRazorFileCarriesInlineScriptHandlerOrStyle()
    {
        var source = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(source, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();

        var found = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var n = 0; n < lines.Length; n++)
            {
                foreach (var (pattern, what) in Forbidden)
                {
                    if (pattern.Match(lines[n]) is { Success: true } match)
                    {
                        found.Add($"{Path.GetRelativePath(source, file)}:{n + 1}: {what}: {match.Value.Trim()}");
                    }
                }
            }
        }

        Assert.True(files.Count > 20, $"Only {files.Count} .cshtml files found under {source}.");
        Assert.True(found.Count == 0, "Inline code the Content-Security-Policy refuses:" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    private static readonly (Regex Pattern, string What)[] Forbidden =
    [
        (StyleAttribute(), "style attribute (use a class of site.css)"),
        (StyleElement(), "style element (use site.css)"),
        (InlineScript(), "script without src (use a file under wwwroot/js)"),
        (EventHandler(), "event handler attribute (use addEventListener in wwwroot/js)"),
        (JavaScriptUrl(), "javascript: URL"),
        (RawHtml(), "Html.Raw (markup from data unescaped)"),
    ];

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"<script\b(?![^>]*\bsrc\s*=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*[""']", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavaScriptUrl();

    [GeneratedRegex(@"Html\.Raw\s*\(")]
    private static partial Regex RawHtml();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ThiDua.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"ThiDua.slnx not found above {AppContext.BaseDirectory}.");
    }
}
