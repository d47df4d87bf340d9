using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// Walks the site as every demo role and as a visitor, from the home page through every same-site link it shows, and
/// reads each page as a civil servant would: no link may lead to a refusal (403, or the login page for someone who is
/// signed in or who cannot sign in to it), and the visible text — text outside script, style and code, the
/// placeholders, titles, labels and confirm messages — carries no code (draft, special_zone, true, Smtp__…), no
/// programmer's value (null, NaN, raw JSON, 23.450000000000003) and no English word of a user interface.
/// Links of one route pattern (numbers and codes folded) are visited once per role, to keep the walk short.
/// </summary>
public partial class EveryPageSpeaksVietnameseTests
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Every demo account (one per role and the two kinds of unit) and the anonymous visitor (null).</summary>
    private static readonly string?[] Visitors =
        [null, "admin", "thuongtruc", "banthidua", "hoidong1", "thanhtra", "lanhdao", "soyte.baocao", "soyte.lanhdao", "baichay.baocao", "baichay.lanhdao"];

    /// <summary>Enough for every menu entry and one page of each kind of item below it.</summary>
    private const int PagesPerVisitor = 90;

    /// <summary>
    /// Codes of the application and English words: matched as whole words. Case-insensitive unless the entry says
    /// otherwise (role names and NaN are identifiers; "admin" in lower case is the administrator's login name).
    /// </summary>
    private static readonly (string Token, bool CaseSensitive)[] ForbiddenTokens =
    [
        // Statuses, unit types, decisions, kinds as stored.
        ("draft", false), ("submitted", false), ("appraised", false), ("published", false), ("returned", false),
        ("pending", false), ("approved", false), ("rejected", false), ("accepted", false), ("adjusted", false),
        ("department", false), ("ward", false), ("special_zone", false), ("commune", false), ("province", false),
        ("individual", false), ("collective", false), ("numeric", false), ("ratio", false), ("boolean", false),
        ("choice", false), ("create", false), ("update", false), ("delete", false),
        // Programmer's values.
        ("true", false), ("false", false), ("null", false), ("NaN", true), ("undefined", false), ("reason", false),
        ("system", false), ("UTC", true),
        // Roles by their code.
        ("Admin", true), ("Secretariat", true), ("RewardBoard", true), ("CouncilMember", true), ("Inspector", true),
        ("Leader", true), ("UnitReporter", true), ("UnitLeader", true),
        // Words of an English user interface.
        ("Submit", false), ("Save", false), ("Cancel", false), ("Edit", false), ("Search", false), ("Status", false),
        ("Error", false), ("Details", false), ("Loading", false), ("Next", false), ("Previous", false), ("Back", false),
        ("Login", false), ("Logout", false), ("Password", false), ("Username", false), ("Settings", false),
        ("Dashboard", false), ("Upload", false), ("Download", false), ("Export", false), ("Import", false),
        ("Filter", false), ("Select", false), ("Close", false), ("Total", false), ("Score", false), ("Rank", false),
        ("Report", false), ("Unit", false), ("User", false), ("Role", false), ("Action", false), ("None", false),
        ("Unknown", false), ("Name", false), ("Date", false), ("Value", false), ("Note", false), ("Home", false),
        ("Page", false), ("Send", false), ("Reset", false), ("Help", false), ("Required", false), ("Optional", false),
    ];

    /// <summary>
    /// Words that look like codes or English but are what a civil servant reads: the product's name, Vietnamese
    /// abbreviations and file formats people know by name.
    /// </summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "ThiDua", // the product's name
        "DTI", "CSV", "PDF", "DOCX", "XLSX", "Excel", "Word", "SHA-256", "WebP", // the index and file formats people know by name
        "e-mail", "email", // the Vietnamese administration writes it so
        "VNeID", // the national electronic identity application, by its official name
    };

    [Fact]
    public async Task EveryPageReachedByALinkIsAllowedAndSpeaksVietnamese()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var findings = new List<string>();
        var visited = 0;
        foreach (var visitor in Visitors)
        {
            using var client = await app.PageClientAsync(visitor);
            visited += await WalkAsync(client, visitor, findings);
        }

        Assert.True(visited > 100, $"Only {visited} pages visited: the walk did not find the links.");
        var distinct = findings.Distinct().ToList();
        Assert.True(distinct.Count == 0, $"{distinct.Count} findings on {visited} pages:" + Environment.NewLine + string.Join(Environment.NewLine, distinct));
    }

    private static async Task<int> WalkAsync(HttpClient client, string? visitor, List<string> findings)
    {
        var who = visitor ?? "khách";
        var queue = new Queue<(string Url, string From)>([("/", "(bắt đầu)")]);
        // Pattern → how its first URL ended: null while waiting, else the fault of following it (empty when fine).
        var outcome = new Dictionary<string, string?>(StringComparer.Ordinal) { [Pattern("/")] = null };
        var linksFrom = new List<(string Pattern, string Href, string From)>();
        var pages = 0;
        while (queue.Count > 0 && pages < PagesPerVisitor)
        {
            var (url, from) = queue.Dequeue();
            var pattern = Pattern(url);
            var (status, finalUrl, html) = await GetFollowingAsync(client, url);
            outcome[pattern] = Refusal(visitor, status, finalUrl);
            if (outcome[pattern] != "" || html is null)
            {
                continue;
            }
            pages++;
            var document = Parser.ParseDocument(html);
            findings.AddRange(Words(document).Select(w => $"{who} {url}: {w}"));
            foreach (var href in Links(document, url))
            {
                var target = Pattern(href);
                linksFrom.Add((target, href, url));
                if (outcome.TryAdd(target, null))
                {
                    queue.Enqueue((href, url));
                }
            }
        }
        foreach (var (target, href, from) in linksFrom)
        {
            if (outcome.TryGetValue(target, out var fault) && !string.IsNullOrEmpty(fault) && !(visitor is null && href.StartsWith("/dang-nhap", StringComparison.Ordinal)))
            {
                findings.Add($"{who} {from}: liên kết {href} → {fault}");
            }
        }
        return pages;
    }

    /// <summary>Follows redirects within the site as a browser does, up to five.</summary>
    private static async Task<(HttpStatusCode Status, string Url, string? Html)> GetFollowingAsync(HttpClient client, string url)
    {
        for (var hop = 0; hop < 5; hop++)
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect
                && response.Headers.Location is { } location)
            {
                url = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                continue;
            }
            var html = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : null;
            return (response.StatusCode, url, html);
        }
        return (HttpStatusCode.LoopDetected, url, null);
    }

    /// <summary>Why following a link was a dead end for this visitor; empty when the page was shown.</summary>
    private static string Refusal(string? visitor, HttpStatusCode status, string finalUrl)
    {
        if (status == HttpStatusCode.Forbidden || finalUrl.StartsWith("/loi/403", StringComparison.Ordinal))
        {
            return "403";
        }
        if (finalUrl.StartsWith("/dang-nhap", StringComparison.Ordinal))
        {
            return visitor is null ? "phải đăng nhập" : "trang đăng nhập dù đã đăng nhập";
        }
        return status == HttpStatusCode.OK ? "" : $"{(int)status}";
    }

    /// <summary>Same-site GET links worth following: not the API, downloads, sign-out or fragments.</summary>
    private static IEnumerable<string> Links(IDocument document, string current)
    {
        foreach (var anchor in document.QuerySelectorAll<IHtmlAnchorElement>("a[href]"))
        {
            var href = anchor.GetAttribute("href")!.Trim();
            if (href.Length == 0 || href.StartsWith('#') || anchor.HasAttribute("download"))
            {
                continue;
            }
            if (href.StartsWith('?'))
            {
                href = current.Split('?')[0] + href;
            }
            if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
            {
                continue; // another site, mailto:, tel:
            }
            var path = href.Split('?', '#')[0];
            if (path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal)
                || path.StartsWith("/dang-xuat", StringComparison.Ordinal) || DownloadExtension().IsMatch(path))
            {
                continue;
            }
            yield return href.Split('#')[0];
        }
    }

    /// <summary>A route with its numbers and codes folded (/khen-thuong/12 → /khen-thuong/{n}, /don-vi/SO-YT → /don-vi/{c}) and its query's names.</summary>
    private static string Pattern(string url)
    {
        var parts = url.Split('?', 2);
        var path = string.Join('/', parts[0].Split('/').Select(s => s.Length == 0 ? s : s.All(char.IsAsciiDigit) ? "{n}" : s.Any(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) ? "{c}" : Uri.UnescapeDataString(s)));
        var names = parts.Length > 1 ? parts[1].Split('&').Select(p => p.Split('=')[0]).Where(n => n.Length > 0).Order(StringComparer.Ordinal).ToList() : [];
        return names.Count > 0 ? $"{path}?{string.Join('&', names)}" : path;
    }

    /// <summary>What is wrong with the words a person reads on the page.</summary>
    private static IEnumerable<string> Words(IDocument document)
    {
        foreach (var text in VisibleTexts(document))
        {
            foreach (var fault in Faults(text))
            {
                yield return $"\"{fault}\" in «{Shorten(text)}»";
            }
        }
    }

    private static IEnumerable<string> VisibleTexts(IDocument document)
    {
        string[] hidden = ["script", "style", "code", "pre", "template", "noscript", "head"];
        foreach (var node in document.Body!.GetDescendants().OfType<IText>())
        {
            if (node.ParentElement is { } parent && !InsideAny(parent, hidden) && !string.IsNullOrWhiteSpace(node.Data))
            {
                yield return node.Data.Trim();
            }
        }
        foreach (var element in document.All)
        {
            foreach (var name in new[] { "placeholder", "title", "aria-label", "alt", "data-confirm" })
            {
                if (element.GetAttribute(name) is { Length: > 0 } value)
                {
                    yield return value;
                }
            }
            // A button's caption and what a text box shows before anyone types ("department" in a unit's form).
            if (element is IHtmlInputElement { Type: "submit" or "button" or "text" or "search" } input && input.Value.Length > 0)
            {
                yield return input.Value;
            }
        }
    }

    private static bool InsideAny(IElement element, string[] names)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (names.Contains(e.LocalName, StringComparer.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<string> Faults(string text)
    {
        foreach (Match word in Word().Matches(text))
        {
            if (Allowed.Contains(word.Value))
            {
                continue;
            }
            foreach (var (token, caseSensitive) in ForbiddenTokens)
            {
                if (string.Equals(word.Value, token, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                {
                    yield return word.Value;
                }
            }
            if (CamelCase().IsMatch(word.Value) || word.Value.Contains('_', StringComparison.Ordinal))
            {
                yield return word.Value; // an identifier: SelfValue, AssessmentValue, special_zone, Smtp__Host
            }
        }
        foreach (var pattern in new[] { JsonFragment(), LongFraction(), IsoDate() })
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                yield return match.Value;
            }
        }
    }

    private static string Shorten(string text)
    {
        var oneLine = Whitespace().Replace(text, " ");
        return oneLine.Length <= 120 ? oneLine : oneLine[..117] + "…";
    }

    [GeneratedRegex(@"[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[A-Za-z]*[a-z][A-Z][A-Za-z]*$")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\{\s*""|"":\s*[""\d\[{]")]
    private static partial Regex JsonFragment();

    [GeneratedRegex(@"\d\.\d{4,}")]
    private static partial Regex LongFraction();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\.(csv|xlsx|pdf|docx|json|zip|ics)$", RegexOptions.IgnoreCase)]
    private static partial Regex DownloadExtension();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
