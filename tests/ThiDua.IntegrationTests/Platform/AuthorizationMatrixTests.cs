using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Infrastructure.Auth;
using static ThiDua.Web.Infrastructure.Auth.Policies;

namespace ThiDua.IntegrationTests.Platform;

/// <summary>
/// The authorisation matrix (security issue): every API operation × every role, and anonymous, against one table a
/// reader can check with DESIGN.md ("Roles"). The table names each operation's policy; <see cref="WhoPasses"/> says
/// which roles each policy lets in. A role the policy lets in must never get 401/403 from it (a missing record then
/// answers 404, bad input 400); any other role gets 403; anonymous gets 401 except on public operations. Records of
/// another unit answer as missing ones (<see cref="AnotherUnitsRecordsAnswerAsMissingOnes"/> here for reads,
/// <see cref="DataExposureTests"/> for writes).
/// </summary>
public partial class AuthorizationMatrixTests
{
    private const string Anonymous = "(anonymous)";

    /// <summary>One demo account per role (README), and anonymous.</summary>
    private static readonly Dictionary<string, string> Callers = new()
    {
        ["Admin"] = "admin",
        ["Secretariat"] = "thuongtruc",
        ["RewardBoard"] = "banthidua",
        ["CouncilMember"] = "hoidong1",
        ["Inspector"] = "thanhtra",
        ["Leader"] = "lanhdao",
        ["UnitReporter"] = "soyte.baocao",
        ["UnitLeader"] = "soyte.lanhdao",
        [Anonymous] = "",
    };

    private static readonly string[] EveryRole = ["Admin", "Secretariat", "RewardBoard", "CouncilMember", "Inspector", "Leader", "UnitReporter", "UnitLeader"];

    /// <summary>Which roles each policy lets in (DESIGN.md, Roles).</summary>
    private static readonly Dictionary<string, string[]> WhoPasses = new()
    {
        [Public] = [.. EveryRole, Anonymous],
        [SignedIn] = EveryRole,
        [Policies.Admin] = ["Admin"],
        [ViewAudit] = ["Admin"],
        [ManageUnits] = ["Admin", "Secretariat"],
        [Secretariat] = ["Admin", "Secretariat"],
        [UnitWork] = ["Admin", "Secretariat", "UnitReporter", "UnitLeader"],
        [Upload] = ["Admin", "Secretariat", "RewardBoard", "Inspector", "UnitReporter", "UnitLeader"],
        [Policies.Feedback] = ["Admin", "Secretariat", "RewardBoard", "UnitReporter", "UnitLeader"],
        [Nominate] = ["Admin", "RewardBoard", "UnitReporter", "UnitLeader"],
        [RewardBoard] = ["Admin", "RewardBoard"],
        [Council] = ["Admin", "RewardBoard", "CouncilMember"],
        [CouncilVote] = ["CouncilMember"],
        [Decide] = ["Admin", "RewardBoard", "UnitLeader"],
        [ProvinceReader] = ["Admin", "Secretariat", "RewardBoard", "CouncilMember", "Inspector", "Leader"],
        [DraftDocuments] = ["Admin", "Secretariat", "RewardBoard"],
        [Policies.Inspections] = ["Admin", "Secretariat", "RewardBoard", "Leader", "Inspector", "UnitReporter", "UnitLeader"],
        [PlanInspections] = ["Admin", "Secretariat", "RewardBoard"],
        [Inspect] = ["Inspector"],
        [RespondToInspections] = ["UnitReporter", "UnitLeader"],
        [Leadership] = ["Admin", "Secretariat", "RewardBoard", "Leader"],
    };

    /// <summary>Every API operation and its policy. A new operation fails <see cref="EveryApiOperationIsInTheTable"/> until it is added here.</summary>
    private static readonly Dictionary<string, string> Operations = new()
    {
        ["GET /api/open/v1/frameworks"] = Public,
        ["GET /api/open/v1/notices"] = Public,
        ["POST /api/open/v1/notices/{id:int}/comments"] = Public,
        ["GET /api/open/v1/results"] = Public,
        ["GET /api/open/v1/results.csv"] = Public,
        ["GET /api/open/v1/results.json"] = Public,
        ["GET /api/open/v1/results.pdf"] = Public,
        ["GET /api/open/v1/results.csv.p7s"] = Public,
        ["GET /api/open/v1/results.json.p7s"] = Public,
        ["POST /api/open/v1/verify"] = Public,
        ["GET /api/open/v1/documents/{id:guid}"] = Public,
        ["GET /api/v1/documents/{id:guid}"] = SignedIn,
        ["GET /api/v1/documents/{id:guid}/info"] = SignedIn,
        ["GET /api/v1/documents/{id:guid}/verify"] = SignedIn,
        ["POST /api/v1/documents/{id:guid}/versions"] = Upload,
        ["POST /api/v1/documents/{id:guid}/issue"] = Secretariat,
        ["GET /api/v1/nominations/{id:int}/proposal-document"] = Nominate,
        ["GET /api/v1/council-sessions/{id:int}/minutes"] = Council,
        ["GET /api/v1/movements/{code}/consolidated-report"] = DraftDocuments,
        ["GET /api/open/v1/rewards"] = Public,
        ["GET /api/open/v1/targets"] = Public,
        ["GET /api/open/v1/initiatives"] = Public,
        ["GET /api/open/v1/initiatives/{id:int}"] = Public,
        ["GET /api/open/v1/initiatives/{id:int}/files/{fileId:int}"] = Public,
        ["GET /api/open/v1/initiatives/{id:int}/files/{fileId:int}/thumbnail"] = Public,
        ["GET /api/v1/initiatives"] = SignedIn,
        ["POST /api/v1/initiatives"] = UnitWork,
        ["GET /api/v1/initiatives/{id:int}"] = SignedIn,
        ["PUT /api/v1/initiatives/{id:int}"] = UnitWork,
        ["POST /api/v1/initiatives/{id:int}/files"] = UnitWork,
        ["POST /api/v1/initiatives/{id:int}/return"] = Secretariat,
        ["POST /api/v1/initiatives/{id:int}/accept"] = Secretariat,
        ["POST /api/v1/initiatives/{id:int}/publish"] = Secretariat,
        ["POST /api/v1/initiatives/{id:int}/feature"] = Secretariat,
        ["GET /api/v1/nominations/{id:int}/initiatives"] = SignedIn,
        ["POST /api/v1/nominations/{id:int}/initiatives"] = Nominate,
        ["DELETE /api/v1/nominations/{id:int}/initiatives/{initiativeId:int}"] = Nominate,
        ["GET /api/open/v1/catalog"] = Public,
        ["GET /api/open/v1/datapackage.json"] = Public,
        ["GET /api/v1/assessments"] = SignedIn,
        ["POST /api/v1/assessments"] = UnitWork,
        ["POST /api/v1/assessments/import"] = UnitWork,
        ["GET /api/v1/assessments/{id:int}"] = SignedIn,
        ["POST /api/v1/assessments/{id:int}/appraisal"] = Secretariat,
        ["POST /api/v1/assessments/{id:int}/finalize"] = Secretariat,
        ["POST /api/v1/assessments/{id:int}/return"] = Secretariat,
        ["POST /api/v1/assessments/{id:int}/submit"] = UnitWork,
        ["PUT /api/v1/assessments/{id:int}/values"] = UnitWork,
        ["GET /api/v1/audit"] = ViewAudit,
        ["GET /api/v1/audit/verify"] = ViewAudit,
        ["POST /api/v1/auth/refresh"] = Public,
        ["POST /api/v1/auth/token"] = Public,
        ["GET /api/v1/calendar"] = SignedIn,
        ["GET /api/v1/calendar/add-working-days"] = SignedIn,
        ["POST /api/v1/calendar/days"] = Policies.Admin,
        ["DELETE /api/v1/calendar/days/{date}"] = Policies.Admin,
        ["GET /api/v1/clusters"] = SignedIn,
        ["POST /api/v1/clusters"] = ManageUnits,
        ["GET /api/v1/clusters/{id:int}"] = SignedIn,
        ["PUT /api/v1/clusters/{id:int}"] = ManageUnits,
        ["GET /api/v1/council-sessions"] = Council,
        ["POST /api/v1/council-sessions"] = RewardBoard,
        ["GET /api/v1/council-sessions/{id:int}"] = Council,
        ["POST /api/v1/council-sessions/{id:int}/ballots"] = CouncilVote,
        ["POST /api/v1/council-sessions/{id:int}/close"] = RewardBoard,
        ["GET /api/v1/councils"] = Council,
        ["POST /api/v1/councils"] = RewardBoard,
        ["GET /api/v1/decisions"] = SignedIn,
        ["POST /api/v1/decisions"] = Decide,
        ["GET /api/v1/decisions/{id:int}"] = SignedIn,
        ["GET /api/v1/dashboard"] = Leadership,
        ["GET /api/v1/inspections"] = Policies.Inspections,
        ["POST /api/v1/inspections"] = PlanInspections,
        ["GET /api/v1/inspections/{id:int}"] = Policies.Inspections,
        ["GET /api/v1/inspections/{id:int}/report.csv"] = Policies.Inspections,
        ["POST /api/v1/inspections/{id:int}/findings"] = Inspect,
        ["POST /api/v1/inspections/{id:int}/visits"] = Inspect,
        ["POST /api/v1/inspections/{id:int}/recommendations/{rid:int}/response"] = RespondToInspections,
        ["GET /api/v1/feedback"] = Policies.Feedback,
        ["POST /api/v1/feedback"] = Policies.Feedback,
        ["GET /api/v1/feedback/{id:int}"] = Policies.Feedback,
        ["POST /api/v1/feedback/{id:int}/close"] = Policies.Feedback,
        ["POST /api/v1/feedback/{id:int}/replies"] = Policies.Feedback,
        ["POST /api/v1/files"] = Upload,
        ["GET /api/v1/files/{id:guid}"] = SignedIn,
        ["GET /api/v1/frameworks"] = SignedIn,
        ["POST /api/v1/frameworks"] = Secretariat,
        ["POST /api/v1/frameworks/import"] = Secretariat,
        ["GET /api/v1/frameworks/{code}"] = SignedIn,
        ["PUT /api/v1/frameworks/{code}"] = Secretariat,
        ["GET /api/v1/frameworks/{code}/export"] = SignedIn,
        ["POST /api/v1/frameworks/{code}/publish"] = Secretariat,
        ["GET /api/v1/holidays"] = SignedIn,
        ["POST /api/v1/holidays"] = Policies.Admin,
        ["DELETE /api/v1/holidays/{date}"] = Policies.Admin,
        ["GET /api/v1/movements"] = SignedIn,
        ["POST /api/v1/movements"] = Secretariat,
        ["GET /api/v1/movements/{code}"] = SignedIn,
        ["PUT /api/v1/movements/{code}"] = Secretariat,
        ["GET /api/v1/movements/{code}/consolidated"] = ProvinceReader,
        ["POST /api/v1/movements/{code}/launches"] = UnitWork,
        ["POST /api/v1/movements/{code}/milestones"] = Secretariat,
        ["PUT /api/v1/movements/{code}/milestones/{milestoneCode}"] = Secretariat,
        ["GET /api/v1/movements/{code}/registration-status"] = SignedIn,
        ["GET /api/v1/movements/{code}/registrations"] = SignedIn,
        ["POST /api/v1/movements/{code}/registrations"] = UnitWork,
        ["GET /api/v1/movements/{code}/report-status"] = SignedIn,
        ["GET /api/v1/nominations"] = SignedIn,
        ["POST /api/v1/nominations"] = Nominate,
        ["GET /api/v1/nominations/{id:int}"] = SignedIn,
        ["PUT /api/v1/nominations/{id:int}"] = Nominate,
        ["POST /api/v1/nominations/{id:int}/central-decision"] = RewardBoard,
        ["GET /api/v1/nominations/{id:int}/comments"] = RewardBoard,
        ["PUT /api/v1/nominations/{id:int}/criteria"] = RewardBoard,
        ["POST /api/v1/nominations/{id:int}/documents"] = Nominate,
        ["GET /api/v1/nominations/{id:int}/eligibility"] = SignedIn,
        ["POST /api/v1/nominations/{id:int}/notice"] = RewardBoard,
        ["POST /api/v1/nominations/{id:int}/receive"] = RewardBoard,
        ["POST /api/v1/nominations/{id:int}/reject"] = RewardBoard,
        ["POST /api/v1/nominations/{id:int}/return"] = RewardBoard,
        ["POST /api/v1/nominations/{id:int}/submit"] = Nominate,
        ["GET /api/v1/notifications"] = SignedIn,
        ["POST /api/v1/notifications/read"] = SignedIn,
        ["POST /api/v1/notifications/{id:long}/read"] = SignedIn,
        ["GET /api/v1/outbox"] = Policies.Admin,
        ["GET /api/v1/reports"] = SignedIn,
        ["POST /api/v1/reports"] = UnitWork,
        ["GET /api/v1/reports/{id:int}"] = SignedIn,
        ["PUT /api/v1/reports/{id:int}"] = UnitWork,
        ["POST /api/v1/reports/{id:int}/attachments"] = UnitWork,
        ["POST /api/v1/reports/{id:int}/return"] = Secretariat,
        ["POST /api/v1/reports/{id:int}/submit"] = UnitWork,
        ["GET /api/v1/results"] = SignedIn,
        ["GET /api/v1/results/export"] = SignedIn,
        ["GET /api/v1/results/{frameworkCode}/{unitCode}/explain"] = SignedIn,
        ["GET /api/v1/reward-rules"] = SignedIn,
        ["POST /api/v1/reward-rules"] = RewardBoard,
        ["GET /api/v1/reward-rules/history"] = SignedIn,
        ["GET /api/v1/rewards"] = SignedIn,
        ["GET /api/v1/rewards/export"] = SignedIn,
        ["GET /api/v1/rewards/person"] = SignedIn,
        ["GET /api/v1/rewards/statistics"] = SignedIn,
        ["POST /api/v1/state-proposals"] = RewardBoard,
        ["GET /api/v1/targets"] = SignedIn,
        ["POST /api/v1/targets"] = Secretariat,
        ["GET /api/v1/targets/progress"] = SignedIn,
        ["GET /api/v1/targets/{code}"] = SignedIn,
        ["PUT /api/v1/targets/{code}"] = Secretariat,
        ["POST /api/v1/targets/{code}/measurements"] = UnitWork,
        ["GET /api/v1/task-completion"] = ProvinceReader,
        ["GET /api/v1/tasks"] = SignedIn,
        ["POST /api/v1/tasks"] = Secretariat,
        ["POST /api/v1/tasks/import"] = Secretariat,
        ["GET /api/v1/tasks/{id:int}"] = SignedIn,
        ["PUT /api/v1/tasks/{id:int}"] = Secretariat,
        ["POST /api/v1/tasks/{id:int}/progress"] = UnitWork,
        ["GET /api/v1/units"] = SignedIn,
        ["POST /api/v1/units"] = ManageUnits,
        ["POST /api/v1/units/reorganizations"] = ManageUnits,
        ["GET /api/v1/units/{code}"] = SignedIn,
        ["PUT /api/v1/units/{code}"] = ManageUnits,
        ["PUT /api/v1/units/{code}/focal-person"] = UnitWork,
        ["GET /api/v1/units/{code}/task-completion"] = SignedIn,
        ["GET /api/v1/users"] = Policies.Admin,
        ["POST /api/v1/users"] = Policies.Admin,
        ["GET /api/v1/users/me"] = SignedIn,
        ["POST /api/v1/users/me/password"] = SignedIn,
        ["POST /api/v1/users/{userName}/lock"] = Policies.Admin,
        ["POST /api/v1/users/{userName}/password"] = Policies.Admin,
        ["POST /api/v1/users/{userName}/unlock"] = Policies.Admin,
    };

    [Fact]
    public async Task EveryApiOperationIsInTheTable()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var actual = ApiOperations(app);

        Assert.Empty(actual.Keys.Except(Operations.Keys).Select(k => $"{k} ({actual[k]}) is not in the table"));
        Assert.Empty(Operations.Keys.Except(actual.Keys).Select(k => $"{k} is in the table but not in the app"));
        Assert.Empty(Operations.Where(o => actual[o.Key] != o.Value).Select(o => $"{o.Key}: the app says {actual[o.Key]}, the table {o.Value}"));
    }

    [Fact]
    public async Task EveryRoleGetsWhatTheTableSays()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (role, user) in Callers)
        {
            clients[role] = role == Anonymous ? app.CreateClient() : await app.ClientAsync(user);
        }

        var uploads = Uploads(app);
        var wrong = new List<string>();
        foreach (var (operation, policy) in Operations)
        {
            foreach (var (role, client) in clients)
            {
                var status = (int)(await SendAsync(client, operation, uploads.Contains(operation))).StatusCode;
                var passes = WhoPasses[policy].Contains(role);
                var expected = role == Anonymous && !passes ? "401" : passes ? "not 401/403" : "403";
                var ok = expected switch
                {
                    "401" => status == 401,
                    "403" => status == 403,
                    _ => status is not (401 or 403) && status < 500,
                };
                if (!ok)
                {
                    wrong.Add($"{operation} as {role}: {status}, expected {expected}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Reads of Bãi Cháy's own records by Sở Y tế's reporter answer exactly as records that do not exist.</summary>
    [Theory, Providers]
    public async Task AnotherUnitsRecordsAnswerAsMissingOnes(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var ward = await app.ClientAsync("baichay.baocao");
        var report = (int)(await (await ward.PostJsonAsync("/api/v1/reports", new
        {
            movementCode = "CDS-2022-2025", year = 2026, unitCode = BaiChay, summary = "Tóm tắt.", results = "Kết quả.",
        })).JsonAsync(HttpStatusCode.Created))["id"]!;
        var feedback = (int)(await (await ward.PostJsonAsync("/api/v1/feedback", new { unitCode = BaiChay, subject = "Hỏi", body = "Nội dung câu hỏi." })).JsonAsync(HttpStatusCode.Created))["id"]!;
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(ThiDua.Web.Data.Seed.DemoAssessmentSeeder.DemoPdf("Minh chung")), "file", "minh-chung.pdf" } };
        var file = (string)(await (await ward.PostAsync("/api/v1/files", upload)).JsonAsync(HttpStatusCode.Created))["id"]!;
        var assessment = (int)(await (await ward.PostJsonAsync("/api/v1/assessments", new { frameworkCode = "QN-DTI-2025-XA", unitCode = BaiChay })).JsonAsync(HttpStatusCode.Created))["id"]!;
        var nomination = (int)(await (await ward.PostJsonAsync("/api/v1/nominations", new
        {
            movementCode = "CDS-2022-2025", round = "annual", year = 2026, nomineeKind = "individual",
            person = new { fullName = "Trần Thị Mai", position = "Công chức", organization = "UBND phường Bãi Cháy", dateOfBirth = "1990-05-01" },
            award = "unit_certificate", achievements = "Số hoá hồ sơ một cửa.",
        })).JsonAsync(HttpStatusCode.Created))["id"]!;
        var initiative = (int)(await (await ward.PostJsonAsync("/api/v1/initiatives", new
        {
            unitCode = BaiChay, kind = "initiative", title = "Sáng kiến của phường", description = "Mô tả sáng kiến của phường.", sector = "digital_government",
        })).JsonAsync(HttpStatusCode.Created))["id"]!;
        var health = await app.ClientAsync("soyte.baocao");

        var reads = new (string Existing, string Missing)[]
        {
            ($"/api/v1/initiatives/{initiative}", "/api/v1/initiatives/987654"),
            ($"/api/v1/nominations/{nomination}/initiatives", "/api/v1/nominations/987654/initiatives"),
            ($"/api/v1/reports/{report}", "/api/v1/reports/987654"),
            ($"/api/v1/feedback/{feedback}", "/api/v1/feedback/987654"),
            ($"/api/v1/files/{file}", $"/api/v1/files/{Guid.NewGuid()}"),
            ($"/api/v1/assessments/{assessment}", "/api/v1/assessments/987654"),
            ($"/api/v1/nominations/{nomination}", "/api/v1/nominations/987654"),
            ($"/api/v1/nominations/{nomination}/eligibility", "/api/v1/nominations/987654/eligibility"),
        };
        foreach (var (existing, missing) in reads)
        {
            var other = await (await health.GetAsync(existing)).ProblemAsync(HttpStatusCode.NotFound);
            var none = await (await health.GetAsync(missing)).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal((string?)none["title"], (string?)other["title"]);
        }
    }

    private const string BaiChay = "X2025-06673-BAICHAY";

    /// <summary>"GET /api/v1/units/{code}" → the app's operations in the same form, with their policy.</summary>
    private static Dictionary<string, string> ApiOperations(ThiDuaApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (
                Key: $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}",
                Policy: string.Join("+", e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Distinct()))))
            .ToDictionary(x => x.Key, x => x.Policy);

    /// <summary>The operations that take a multipart form (files): they get an empty form rather than JSON.</summary>
    private static HashSet<string> Uploads(ThiDuaApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();

    /// <summary>Sends the operation with stand-in values: a record that does not exist, and an empty body.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string operation, bool upload)
    {
        var (method, template) = (operation[..operation.IndexOf(' ')], operation[(operation.IndexOf(' ') + 1)..]);
        var path = Placeholder().Replace(template, m => m.Groups[2].Value switch
        {
            ":int" or ":long" => "987654",
            ":guid" => Guid.Empty.ToString(),
            _ when m.Groups[1].Value == "date" => "2099-01-01",
            _ => "KHONG-CO",
        });
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = upload ? new MultipartFormDataContent() : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }

    [GeneratedRegex(@"\{(\w+)(:\w+)?\??\}")]
    private static partial Regex Placeholder();
}
