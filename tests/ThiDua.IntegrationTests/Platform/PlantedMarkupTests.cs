using System.Net;
using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Rewards.RewardTestData;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// Markup typed into every field a user may write — a unit's name, a feedback thread, an annual report and its return
/// reason, a task and its progress note, a nominated person's name and achievements, a citizen's public comment — is
/// shown as text on the pages that display it: escaped, never as an element, a handler or a link.
/// </summary>
public class PlantedMarkupTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "\"><img src=x onerror=alert(1)>";
    private const string Link = "javascript:alert(1)";

    [Fact]
    public async Task MarkupTypedIntoTextFieldsIsShownEscaped()
    {
        await using var app = await StartAtAsync(DatabaseProvider.Sqlite, ChristmasEve);
        var secretariat = await app.ClientAsync("thuongtruc");

        // A unit's name.
        var health = await (await secretariat.GetAsync($"/api/v1/units/{Health}")).JsonAsync();
        await (await secretariat.PutJsonAsync($"/api/v1/units/{Health}", new
        {
            name = "Sở Y tế " + Script, type = (string?)health["type"], parentCode = (string?)health["parentCode"],
            validFrom = (string?)health["validFrom"], version = (int)health["version"]!,
        })).JsonAsync();

        // A feedback thread and a reply.
        var ward = await app.ClientAsync("baichay.baocao");
        var thread = await (await ward.PostJsonAsync("/api/v1/feedback", new { unitCode = BaiChay, subject = "Vướng mắc " + Image, body = Script + " " + Link })).JsonAsync(HttpStatusCode.Created);
        var threadId = (int)thread["id"]!;
        await (await ward.PostJsonAsync($"/api/v1/feedback/{threadId}/replies", new { body = "Bổ sung " + Image })).JsonAsync(HttpStatusCode.Created);

        // An annual report, submitted, then returned with a reason.
        var healthReporter = await app.ClientAsync("soyte.baocao");
        var report = await (await healthReporter.PostJsonAsync("/api/v1/reports", new
        {
            movementCode = Movement, year = 2026, unitCode = Health, summary = Script, results = Image, proposals = Link,
        })).JsonAsync(HttpStatusCode.Created);
        var reportId = (int)report["id"]!;
        await (await (await app.ClientAsync("soyte.lanhdao")).PostAsync($"/api/v1/reports/{reportId}/submit", null)).JsonAsync();
        await (await secretariat.PostJsonAsync($"/api/v1/reports/{reportId}/return", new { reason = "Bổ sung " + Image })).JsonAsync();

        // A task and a progress note.
        var task = await (await secretariat.PostJsonAsync("/api/v1/tasks", new
        {
            sourceDocument = Link, code = "XSS-1", title = "Nhiệm vụ " + Script, assigneeUnitCodes = new[] { Health }, dueDate = "2027-03-31",
        })).JsonAsync(HttpStatusCode.Created);
        await (await healthReporter.PostJsonAsync($"/api/v1/tasks/{task["id"]}/progress", new { unitCode = Health, percent = 50, completed = false, note = Image })).JsonAsync(HttpStatusCode.Created);

        // A nominated person, and a citizen's comment on a public notice.
        var nomination = await NominateAsync(ward, new
        {
            movementCode = Movement, round = "annual", year = 2026, nomineeKind = "individual",
            person = new { fullName = "Nguyễn Văn " + Image, position = Script, organization = "UBND phường Bãi Cháy" },
            award = "unit_certificate", achievements = Script + "\n" + Link,
        });
        var nominationId = (int)nomination["id"]!;
        var noticed = (int)(await NoticedConstructionAsync(app))["id"]!;
        using var citizen = app.CreateClient();
        await (await CommentAsync(citizen, noticed, new { name = Image, contact = Link, body = Script })).JsonAsync(HttpStatusCode.Created);

        var pages = new (string? User, string Path, string? Shows)[]
        {
            ("thuongtruc", $"/don-vi/{Health}", Script),
            ("thuongtruc", "/don-vi?q=y+te", Script),
            ("thuongtruc", $"/ket-qua/{JudgedDepartments}/{Health}", Script),
            ("thuongtruc", "/phong-trao/bao-cao", Script),
            ("thuongtruc", $"/phong-trao/bao-cao/{reportId}", Image),
            ("soyte.baocao", $"/phong-trao/bao-cao/{reportId}", Image),
            ("soyte.baocao", "/thong-bao", Image),
            ("thuongtruc", "/nhiem-vu", Script),
            ("soyte.baocao", "/nhiem-vu", Script),
            ("banthidua", "/gop-y", Image),
            ("banthidua", $"/gop-y/{threadId}", Image),
            ("banthidua", "/thong-bao", Image),
            ("baichay.baocao", "/khen-thuong", Image),
            ("baichay.baocao", $"/khen-thuong/{nominationId}", Image),
            ("banthidua", $"/khen-thuong/{noticed}", Script),
            (null, "/cong-khai/khen-thuong", null),
            ("admin", "/quan-tri/nhat-ky", Script),
        };
        var encoder = app.Services.GetRequiredService<HtmlEncoder>();
        var clients = new Dictionary<string, HttpClient>();
        var faults = new List<string>();
        foreach (var (user, path, shows) in pages)
        {
            var key = user ?? "";
            if (!clients.TryGetValue(key, out var client))
            {
                client = clients[key] = await app.PageClientAsync(user);
            }
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            faults.AddRange(Faults(html, encoder, shows, (int)response.StatusCode).Select(f => $"{user ?? "anonymous"} {path}: {f}"));
        }
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(faults.Count == 0, string.Join(Environment.NewLine, faults));
    }

    /// <summary>What is wrong with a page: planted markup parsed as markup, or the planted text it should show not shown at all.</summary>
    private static IEnumerable<string> Faults(string html, HtmlEncoder encoder, string? shows, int status)
    {
        if (status != 200)
        {
            yield return $"status {status}";
            yield break;
        }
        foreach (var raw in new[] { Script, "<img src=x onerror=alert(1)>" })
        {
            if (html.Contains(raw, StringComparison.Ordinal))
            {
                yield return $"unescaped {raw}";
            }
        }
        if (shows is not null && !html.Contains(encoder.Encode(shows), StringComparison.Ordinal))
        {
            yield return $"does not show {shows} (escaped: {encoder.Encode(shows)})";
        }
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            if (element.Attributes.FirstOrDefault(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) is { } handler)
            {
                yield return $"<{element.LocalName} {handler.Name}=\"{handler.Value}\">";
            }
            if (element.LocalName == "script" && !element.HasAttribute("src"))
            {
                yield return $"inline script {element.TextContent}";
            }
            if (element.LocalName == "img" && element.GetAttribute("src") == "x")
            {
                yield return "planted <img>";
            }
            foreach (var url in new[] { "href", "src", "action", "formaction" })
            {
                if (element.GetAttribute(url)?.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true)
                {
                    yield return $"<{element.LocalName} {url}=\"{element.GetAttribute(url)}\">";
                }
            }
        }
    }
}
