using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Data.Seed;

namespace ThiDua.IntegrationTests.Rewards;

/// <summary>
/// The demo data the reward tests stand on. The final review of 2025 judges units on DTI 2024 (the year before the
/// review). In the 2024 department ranking (appraised assessments, published by the tests) Sở Xây dựng of 2025 has no
/// result of its own and is "Tốt" on its predecessors' mean; Sở Ngoại vụ is "Tốt" on its own; Sở Công Thương is below
/// the line; the provincial Labour Federation is "Tốt" and has no task. Tests that rely on a score read it from the
/// published ranking (<see cref="PublishedDtiAsync"/>).
/// </summary>
internal static class RewardTestData
{
    /// <summary>The ranking the final review of 2025 judges on: departments' DTI 2024.</summary>
    public const string JudgedDepartments = "QN-DTI-2024-SO";
    public const string Construction = "SO-XD-2025";
    public const string ForeignAffairs = "SO-NGV";
    public const string Industry = "SO-CT";
    public const string LabourFederation = "DT-LDLD";
    public const string Health = "SO-YT";
    public const string BaiChay = "X2025-06673-BAICHAY";

    /// <summary>The end of the numbers of Bãi Cháy's own decisions: a ward's People's Committee signs as UBND, "01/QĐ-UBND".</summary>
    public const string BaiChaySuffix = "QĐ-UBND";

    public const string Movement = MovementSeeder.Code;
    public const string Board = "banthidua";

    public static readonly string[] Members = ["hoidong1", "hoidong2", "hoidong3"];

    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Thursday 24 December 2026: ten working days of notice skip two weekends and New Year's Day, to Thursday 7 January 2027.</summary>
    public static readonly DateTimeOffset ChristmasEve = new(2026, 12, 24, 9, 0, 0, Vietnam);

    /// <summary>The morning after the notice that began on <see cref="ChristmasEve"/> ended.</summary>
    public static readonly DateTimeOffset AfterChristmasNotice = new(2027, 1, 8, 8, 0, 0, Vietnam);

    /// <summary>The last morning of 2026, when Bãi Cháy decides its own certificates of the year.</summary>
    public static readonly DateTimeOffset NewYearsEve = new(2026, 12, 31, 9, 0, 0, Vietnam);

    public static readonly DateTimeOffset SecondOfJanuary = new(2027, 1, 2, 9, 0, 0, Vietnam);

    public static Task<ThiDuaApp> StartAtAsync(DatabaseProvider provider, DateTimeOffset now) =>
        ThiDuaApp.StartAsync(provider, new FakeTimeProvider(now));

    /// <summary>Moves the clock; the tokens issued before may have expired by then.</summary>
    public static void MoveClock(ThiDuaApp app, DateTimeOffset now)
    {
        app.Clock.SetUtcNow(now);
        app.ForgetTokens();
    }

    public static async Task PublishJudgedRankingAsync(ThiDuaApp app)
    {
        var secretariat = await app.ClientAsync("thuongtruc");
        await (await secretariat.PostAsync($"/api/v1/frameworks/{JudgedDepartments}/publish", null)).JsonAsync();
    }

    /// <summary>
    /// A unit's standing in the published 2024 ranking, and the line its framework's band "Tốt" draws: its own score, or —
    /// for a department formed in 2025 — the mean of its predecessors' scores, as the rule reads it.
    /// </summary>
    public static async Task<DtiStanding> PublishedDtiAsync(ThiDuaApp app, string unitCode)
    {
        using var anonymous = app.CreateClient();
        var board = await app.ClientAsync(Board);
        var items = (await (await anonymous.GetAsync($"/api/open/v1/results?frameworkCode={JudgedDepartments}&pageSize=500")).JsonAsync())["items"]!.AsArray();
        double? ScoreOf(string code) => items.SingleOrDefault(i => (string?)i!["unitCode"] == code) is { } item ? (double)item["score100"]! : null;
        var framework = await (await board.GetAsync($"/api/v1/frameworks/{JudgedDepartments}")).JsonAsync();
        var good = (double)framework["bands"]!.AsArray().Single(b => (string?)b!["name"] == "Tốt")!["minFraction"]! * 100;
        var year = (int)framework["year"]!;
        if (ScoreOf(unitCode) is { } own)
        {
            return new DtiStanding(year, own, good);
        }
        var predecessors = new List<(string Name, double Score)>();
        foreach (var code in (await (await board.GetAsync($"/api/v1/units/{unitCode}")).JsonAsync())["predecessors"]!.AsArray().Select(c => (string)c!).Order(StringComparer.Ordinal))
        {
            var name = (string)(await (await board.GetAsync($"/api/v1/units/{code}")).JsonAsync())["name"]!;
            predecessors.Add((name, ScoreOf(code)!.Value));
        }
        return new DtiStanding(year, predecessors.Average(p => p.Score), good) { Predecessors = predecessors };
    }

    /// <summary>The Board ticks every item of a dossier's checklist (the Law's preconditions for a unit).</summary>
    public static async Task TickChecklistAsync(ThiDuaApp app, int id)
    {
        var nomination = await NominationAsync(app, id);
        var entries = nomination["criteria"]!.AsArray().Select(c => new { code = (string)c!["code"]!, @checked = true, note = "Đã xác minh" }).ToList();
        await (await (await app.ClientAsync(Board)).PutJsonAsync($"/api/v1/nominations/{id}/criteria", entries)).JsonAsync();
    }

    /// <summary>A number as the app writes it for people: at most two decimals, none when not needed (84,99 · 85).</summary>
    public static string Points(double value) =>
        Math.Round(value, 2).ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>A leader account for a unit, made by the administrator as a real deployment would.</summary>
    public static async Task<HttpClient> LeaderOfAsync(ThiDuaApp app, string unitCode)
    {
        var userName = $"lanhdao.{unitCode.ToLowerInvariant()}";
        var admin = await app.ClientAsync("admin");
        var response = await admin.PostJsonAsync("/api/v1/users", new
        {
            userName, password = ThiDuaApp.Password, fullName = $"Lãnh đạo {unitCode}", roles = new[] { "UnitLeader" }, unitCode,
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        return await app.ClientAsync(userName);
    }

    /// <summary>Sở Y tế's seeded reporter, who prepares its dossiers, and its leader, who submits them.</summary>
    public static async Task<UnitStaff> HealthStaffAsync(ThiDuaApp app) =>
        new(await app.ClientAsync("soyte.baocao"), await app.ClientAsync("soyte.lanhdao"));

    public static object FinalNomination(string unitCode, string award = "chairman_certificate") => new
    {
        movementCode = Movement,
        round = "final",
        nomineeKind = "unit",
        unitCode,
        award,
        achievements = "Hoàn thành 100 % nhiệm vụ chuyển đổi số giai đoạn 2022–2025; DTI năm 2024 đạt loại Tốt.",
    };

    /// <summary>Sở Y tế's deputy director for the Chairman's certificate: a person, judged on the Board's checklist.</summary>
    public static object PersonNomination() => new
    {
        movementCode = Movement, round = "final", nomineeKind = "individual",
        person = new { fullName = "Nguyễn Văn Bình", position = "Phó Giám đốc", organization = "Sở Y tế", dateOfBirth = "1978-03-14", gender = "nam" },
        award = "chairman_certificate", achievements = "Sáng kiến bệnh án điện tử áp dụng tại 12 bệnh viện công lập.",
    };

    public static async Task<JsonNode> NominateAsync(HttpClient client, object nomination) =>
        await (await client.PostJsonAsync("/api/v1/nominations", nomination)).JsonAsync(HttpStatusCode.Created);

    /// <summary>A draft final-review nomination of a unit for the Chairman's certificate, without documents.</summary>
    public static async Task<int> DraftAsync(HttpClient client, string unitCode) =>
        (int)(await NominateAsync(client, FinalNomination(unitCode)))["id"]!;

    public static async Task<int> BoardDraftAsync(ThiDuaApp app, string unitCode) => await DraftAsync(await app.ClientAsync(Board), unitCode);

    public static Task<HttpResponseMessage> TrySubmitAsync(HttpClient client, int id) =>
        client.PostAsync($"/api/v1/nominations/{id}/submit", null);

    public static async Task<JsonNode> SubmitAsync(HttpClient leader, int id) => await (await TrySubmitAsync(leader, id)).JsonAsync();

    public static Task<HttpResponseMessage> TryReceiveAsync(HttpClient client, int id) =>
        client.PostAsync($"/api/v1/nominations/{id}/receive", null);

    public static async Task<JsonNode> ReceiveAsync(ThiDuaApp app, int id) => await (await TryReceiveAsync(await app.ClientAsync(Board), id)).JsonAsync();

    /// <summary>The whole dossier as the Board reads it.</summary>
    public static async Task<JsonNode> NominationAsync(ThiDuaApp app, int id) =>
        await (await (await app.ClientAsync(Board)).GetAsync($"/api/v1/nominations/{id}")).JsonAsync();

    public static async Task<string?> StatusAsync(ThiDuaApp app, int id) => (string?)(await NominationAsync(app, id))["status"];

    public static async Task<JsonNode> EligibilityAsync(ThiDuaApp app, int id) =>
        await (await (await app.ClientAsync(Board)).GetAsync($"/api/v1/nominations/{id}/eligibility")).JsonAsync();

    public static JsonNode Rule(this JsonNode eligibility, string rule) =>
        eligibility["reasons"]!.AsArray().Single(r => (string?)r!["rule"] == rule)!;

    public static byte[] Pdf(string text) => DemoAssessmentSeeder.DemoPdf(text);

    /// <summary>A minimal Word package: the content types and the main document part.</summary>
    public static byte[] Docx(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Write(zip, "word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""");
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int nominationId, string kind, byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/nominations/{nominationId}/documents", form);
    }

    public static async Task UploadDossierAsync(HttpClient client, int nominationId)
    {
        await (await UploadAsync(client, nominationId, "proposal", Pdf("To trinh de nghi khen thuong"), "to-trinh.pdf")).JsonAsync(HttpStatusCode.Created);
        await (await UploadAsync(client, nominationId, "minutes", Docx("Biên bản họp xét duyệt"), "bien-ban.docx")).JsonAsync(HttpStatusCode.Created);
        await (await UploadAsync(client, nominationId, "achievement_report", Pdf("Bao cao thanh tich"), "bao-cao.pdf")).JsonAsync(HttpStatusCode.Created);
    }

    /// <summary>A unit's final-review nomination with its three documents, submitted by the leader.</summary>
    public static async Task<int> SubmittedAsync(UnitStaff staff, string unitCode)
    {
        var id = await DraftAsync(staff.Reporter, unitCode);
        await UploadDossierAsync(staff.Reporter, id);
        await SubmitAsync(staff.Leader, id);
        return id;
    }

    /// <summary>Sở Y tế's complete dossier, submitted by its leader.</summary>
    public static async Task<(UnitStaff Staff, int Id)> HealthSubmittedAsync(ThiDuaApp app)
    {
        var staff = await HealthStaffAsync(app);
        return (staff, await SubmittedAsync(staff, Health));
    }

    /// <summary>A department's final-review nomination for the Chairman's certificate, with its dossier, submitted, received by the Board and its checklist ticked.</summary>
    public static async Task<int> ReceivedAsync(ThiDuaApp app, string unitCode)
    {
        var leader = await LeaderOfAsync(app, unitCode);
        var id = await SubmittedAsync(new UnitStaff(leader, leader), unitCode);
        await ReceiveAsync(app, id);
        await TickChecklistAsync(app, id);
        return id;
    }

    /// <summary>Sở Xây dựng's nomination, received after the 2024 ranking is published, so eligible for the council.</summary>
    public static async Task<int> ReceivedConstructionAsync(ThiDuaApp app)
    {
        await PublishJudgedRankingAsync(app);
        return await ReceivedAsync(app, Construction);
    }

    public static async Task<HttpResponseMessage> ConveneAsync(ThiDuaApp app, int[] nominationIds, string[]? members = null, double? threshold = null, string date = "2026-11-27")
    {
        var board = await app.ClientAsync(Board);
        return await board.PostJsonAsync("/api/v1/council-sessions", new { date, nominationIds, memberUserNames = members ?? Members, threshold });
    }

    public static async Task<JsonNode> SessionAsync(ThiDuaApp app, int[] nominationIds, string[]? members = null, double? threshold = null, string date = "2026-11-27") =>
        await (await ConveneAsync(app, nominationIds, members, threshold, date)).JsonAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> BallotAsync(HttpClient member, int sessionId, params (int NominationId, string Choice)[] votes) =>
        member.PostJsonAsync($"/api/v1/council-sessions/{sessionId}/ballots",
            new { votes = votes.Select(v => new { nominationId = v.NominationId, choice = v.Choice }) });

    public static async Task VoteAsync(ThiDuaApp app, string member, int sessionId, params (int NominationId, string Choice)[] votes) =>
        await (await BallotAsync(await app.ClientAsync(member), sessionId, votes)).JsonAsync();

    public static Task<HttpResponseMessage> CloseAsync(HttpClient client, int sessionId) =>
        client.PostAsync($"/api/v1/council-sessions/{sessionId}/close", null);

    public static async Task<JsonNode> CloseByBoardAsync(ThiDuaApp app, int sessionId) =>
        await (await CloseAsync(await app.ClientAsync(Board), sessionId)).JsonAsync();

    /// <summary>Every member of the session votes yes for the nomination, and the Board closes the session.</summary>
    public static async Task<JsonNode> UnanimousAsync(ThiDuaApp app, int sessionId, int nominationId)
    {
        foreach (var member in Members)
        {
            await VoteAsync(app, member, sessionId, (nominationId, "yes"));
        }
        return await CloseByBoardAsync(app, sessionId);
    }

    public static async Task<JsonNode> NoticeAsync(ThiDuaApp app, int id) =>
        await (await (await app.ClientAsync(Board)).PostJsonAsync($"/api/v1/nominations/{id}/notice", new { })).JsonAsync();

    /// <summary>Sở Xây dựng's nomination, after the 2024 ranking is published, through the council (three yes) to public notice.</summary>
    public static async Task<JsonNode> NoticedConstructionAsync(ThiDuaApp app)
    {
        var id = await ReceivedConstructionAsync(app);
        await UnanimousAsync(app, (int)(await SessionAsync(app, [id]))["id"]!, id);
        return await NoticeAsync(app, id);
    }

    public static Task<HttpResponseMessage> CommentAsync(HttpClient client, int nominationId, object comment) =>
        client.PostJsonAsync($"/api/open/v1/notices/{nominationId}/comments", comment);

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, int nominationId, string date, string? number = null, string? waiver = null) =>
        client.PostJsonAsync("/api/v1/decisions", new
        {
            number, date, signerName = "Nguyễn Văn A", signerTitle = "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", nominationIds = new[] { nominationId }, noticeWaiverReason = waiver,
        });

    /// <summary>A Bãi Cháy officer nominated for the ward's own certificate of 2026, submitted by its leader: the ward decides it itself.</summary>
    public static async Task<int> OwnCertificateAsync(ThiDuaApp app, string fullName)
    {
        var created = await NominateAsync(await app.ClientAsync("baichay.baocao"), new
        {
            movementCode = Movement, round = "annual", year = 2026, nomineeKind = "individual",
            person = new { fullName, position = "Công chức Văn hoá – Xã hội", organization = "UBND phường Bãi Cháy" },
            award = "unit_certificate", achievements = "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến.",
        });
        var id = (int)created["id"]!;
        // The unit's own certificate needs no dossier for the Chairman.
        await SubmitAsync(await app.ClientAsync("baichay.lanhdao"), id);
        return id;
    }

    /// <summary>Bãi Cháy's leader decides one of the ward's own certificates; returns the decision's number.</summary>
    public static async Task<string?> WardDecisionAsync(ThiDuaApp app, int nominationId, string date, string? number = null) =>
        (string?)(await (await DecideAsync(await app.ClientAsync("baichay.lanhdao"), nominationId, date, number)).JsonAsync(HttpStatusCode.Created))["number"];

    public static string Text(this JsonNode node) => node.ToJsonString();

    public static IEnumerable<string> Strings(this JsonNode? array) => array!.AsArray().Select(n => (string)n!);

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    public static async Task EnsureSuccessStatusCodeAsync(this HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
}

/// <summary>Who prepares a unit's dossiers and who submits them.</summary>
internal sealed record UnitStaff(HttpClient Reporter, HttpClient Leader);

/// <summary>A unit's published DTI score out of 100 and the score from which its framework's band "Tốt" begins.</summary>
internal sealed record DtiStanding(int Year, double Score100, double GoodFrom100)
{
    /// <summary>Set when the unit has no result of its own that year: its predecessors (by code) and their scores.</summary>
    public IReadOnlyList<(string Name, double Score)>? Predecessors { get; init; }

    public bool ReachesGood => Score100 >= GoodFrom100;

    private string Basis => Predecessors is { } p
        ? $"DTI {Year}: đơn vị chưa có kết quả riêng; xét theo trung bình các đơn vị tiền thân ({string.Join("; ", p.Select(x => $"{x.Name} {RewardTestData.Points(x.Score)}"))}) là "
        : $"DTI {Year}: ";

    public string GoodDetail => $"{Basis}{RewardTestData.Points(Score100)}/100 — đạt loại Tốt (từ {RewardTestData.Points(GoodFrom100)} điểm).";

    public string BelowGoodDetail => $"{Basis}{RewardTestData.Points(Score100)}/100 — dưới ngưỡng Tốt {RewardTestData.Points(GoodFrom100)}.";
}
