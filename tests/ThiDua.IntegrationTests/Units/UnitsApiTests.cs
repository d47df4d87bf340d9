using System.Net;
using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Units;

public class UnitsApiTests
{
    private static async Task<JsonArray> ItemsAsync(HttpClient client, string url)
    {
        var page = await (await client.GetAsync(url)).JsonAsync();
        return page["items"]!.AsArray();
    }

    [Theory, Providers]
    public async Task TheProvinceIsSeededWithThirteenDistrictsIn2024AndFiftyFourCommunesIn2025(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var districts2024 = await ItemsAsync(client, "/api/v1/units?type=district&asOf=2024-12-31&pageSize=500");
        var communes2024 = await ItemsAsync(client, "/api/v1/units?type=commune&asOf=2024-12-31&pageSize=500");
        var districts2025 = await ItemsAsync(client, "/api/v1/units?type=district&asOf=2025-12-31&pageSize=500");
        var communes2025 = await ItemsAsync(client, "/api/v1/units?type=commune&asOf=2025-12-31&pageSize=500");

        Assert.Equal(13, districts2024.Count);
        Assert.Equal(171, communes2024.Count);
        Assert.Empty(districts2025);
        Assert.Equal(54, communes2025.Count);
        var subtypes = communes2025.GroupBy(c => (string?)c!["subtype"]).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(30, subtypes["ward"]);
        Assert.Equal(22, subtypes["commune"]);
        Assert.Equal(2, subtypes["special_zone"]);
        Assert.All(communes2025, c => Assert.Equal("QN-22", (string?)c!["parentCode"]));
    }

    [Theory, Providers]
    public async Task AMergedUnitListsItsPredecessorsAndTheyListIt(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var baiChay = await (await client.GetAsync("/api/v1/units/X2025-06673-BAICHAY")).JsonAsync();
        var old = await (await client.GetAsync("/api/v1/units/X-06679-HUNGTHANG")).JsonAsync();
        var healthDepartment = await (await client.GetAsync("/api/v1/units/SO-KHCN-2025")).JsonAsync();

        Assert.Equal("Phường Bãi Cháy", (string?)baiChay["name"]);
        Assert.Equal("commune", (string?)baiChay["type"]);
        Assert.Equal("2025-07-01", (string?)baiChay["validFrom"]);
        Assert.Equal(["X-06673-BAICHAY", "X-06679-HUNGTHANG"], baiChay["predecessors"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("2025-06-30", (string?)old["validTo"]);
        Assert.Contains("X2025-06673-BAICHAY", old["successors"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["SO-KHCN", "SO-TTTT"], healthDepartment["predecessors"]!.AsArray().Select(p => (string)p!));
    }

    [Theory, Providers]
    public async Task ACommuneHangsFromTheDistrictOfTheDayAsked(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        // Việt Dân's stored parent is the city of Đông Triều (from 2024-11-01); in 2023 it was the town before it.
        var in2023 = await ItemsAsync(client, "/api/v1/units?asOf=2023-06-01&q=viet dan");
        var in2025 = await ItemsAsync(client, "/api/v1/units?asOf=2025-01-15&q=viet dan");

        Assert.Equal("H-205-DONGTRIEU", (string?)Assert.Single(in2023)!["parentCode"]);
        Assert.Equal("H-205-DONGTRIEU-2024", (string?)Assert.Single(in2025)!["parentCode"]);
    }

    [Theory, Providers]
    public async Task ListsArePagedAndBadPagingIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var page = await (await client.GetAsync("/api/v1/units?type=commune&asOf=2025-12-31&page=2&pageSize=50")).JsonAsync();

        Assert.Equal(54, (int)page["total"]!);
        Assert.Equal(4, page["items"]!.AsArray().Count);
        await (await client.GetAsync("/api/v1/units?pageSize=501")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/units?page=0")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/units?type=village")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/units?asOf=31-12-2025")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/units/NO-SUCH-UNIT")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task TheSecretariatCreatesAUnitAndBadInputIsRefusedWithProblemDetails(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var created = await client.PostJsonAsync("/api/v1/units", new
        {
            code = "DN-VNPT-QN",
            name = "Viễn thông Quảng Ninh (VNPT)",
            type = "enterprise",
            parentCode = "QN-22",
            validFrom = "2022-01-01",
        });
        var unit = await created.JsonAsync(HttpStatusCode.Created);

        Assert.Equal("/api/v1/units/DN-VNPT-QN", created.Headers.Location?.OriginalString);
        Assert.Equal("enterprise", (string?)unit["type"]);
        await (await client.PostJsonAsync("/api/v1/units", new { code = "DN-VNPT-QN", name = "Trùng mã", type = "enterprise", validFrom = "2022-01-01" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostRawAsync("/api/v1/units", "{\"code\": 5")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostRawAsync("/api/v1/units", "{\"code\":\"A\",\"name\":\"Tên\",\"type\":\"village\",\"validFrom\":\"2022-01-01\"}")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostRawAsync("/api/v1/units", "{\"code\":\"A\",\"name\":\"Tên\",\"type\":\"commune\",\"validFrom\":\"tomorrow\"}")).ProblemAsync(HttpStatusCode.BadRequest);
        var invalid = await (await client.PostJsonAsync("/api/v1/units", new { code = "", type = "commune" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]);
        var inverted = await (await client.PostJsonAsync("/api/v1/units", new { code = "B", name = "Tên đơn vị", type = "commune", validFrom = "2025-01-01", validTo = "2024-01-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(inverted["errors"]!["validTo"]);
        var noParent = await (await client.PostJsonAsync("/api/v1/units", new { code = "C", name = "Tên đơn vị", type = "commune", validFrom = "2025-01-01", parentCode = "NOPE" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("NOPE", (string?)noParent["detail"]);
    }

    [Theory, Providers]
    public async Task AStaleVersionGetsAConflictNotALostUpdate(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var first = await app.ClientAsync("thuongtruc");
        var second = await app.ClientAsync("admin");

        var read = await (await first.GetAsync("/api/v1/units/SO-YT")).JsonAsync();
        var version = (int)read["version"]!;
        var change = new { name = "Sở Y tế tỉnh Quảng Ninh", type = "department", parentCode = "QN-22", validFrom = "2022-01-01", version };

        var saved = await (await first.PutJsonAsync("/api/v1/units/SO-YT", change)).JsonAsync();
        var stale = await second.PutJsonAsync("/api/v1/units/SO-YT", change with { name = "Sở Y tế (sửa sau)" });

        Assert.Equal(version + 1, (int)saved["version"]!);
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        var now = await (await first.GetAsync("/api/v1/units/SO-YT")).JsonAsync();
        Assert.Equal("Sở Y tế tỉnh Quảng Ninh", (string?)now["name"]);
    }

    [Theory, Providers]
    public async Task IfMatchCarriesTheVersionAndAnUpdateWithoutOneIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("thuongtruc");

        var get = await client.GetAsync("/api/v1/units/SO-TP");
        var etag = get.Headers.ETag!.ToString();
        var body = new { name = "Sở Tư pháp tỉnh Quảng Ninh", type = "department", parentCode = "QN-22", validFrom = "2022-01-01" };

        await (await client.PutJsonAsync("/api/v1/units/SO-TP", body)).ProblemAsync(HttpStatusCode.BadRequest);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/units/SO-TP") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await client.SendAsync(request);
        using var again = new HttpRequestMessage(HttpMethod.Put, "/api/v1/units/SO-TP") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        again.Headers.TryAddWithoutValidation("If-Match", etag);

        await updated.JsonAsync();
        await (await client.SendAsync(again)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task NoTokenIs401AndTheWrongRoleIs403(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();
        var reporter = await app.ClientAsync("soyte.baocao");
        using var badToken = app.CreateClient();
        badToken.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        await (await anonymous.GetAsync("/api/v1/units")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await badToken.GetAsync("/api/v1/units")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await reporter.PostJsonAsync("/api/v1/units", new { code = "X", name = "Tên đơn vị", type = "commune", validFrom = "2025-01-01" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PostJsonAsync("/api/v1/units/reorganizations", new { effectiveDate = "2026-01-01", kind = "rename", from = new[] { "SO-YT" }, to = new[] { new { code = "SO-YT-2", name = "Sở Y tế", type = "department" } } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PostJsonAsync("/api/v1/clusters", new { code = "K1", name = "Khối", kind = "bloc", year = 2025, memberCodes = Array.Empty<string>() }))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task AUnitReporterUpdatesOnlyItsOwnUnitsFocalPerson(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");

        var own = await (await reporter.GetAsync("/api/v1/units/SO-YT")).JsonAsync();
        var updated = await (await reporter.PutJsonAsync("/api/v1/units/SO-YT/focal-person", new { name = "Ngô Thị Mai", email = "mai.nt@quangninh.gov.vn", phone = "0203 3835 123", version = (int)own["version"]! })).JsonAsync();
        var other = await (await reporter.GetAsync("/api/v1/units/X2025-06673-BAICHAY")).JsonAsync();
        var forbidden = await reporter.PutJsonAsync("/api/v1/units/X2025-06673-BAICHAY/focal-person", new { name = "Người khác", version = (int)other["version"]! });
        var inspector = await app.ClientAsync("thanhtra");
        var wrongRole = await inspector.PutJsonAsync("/api/v1/units/SO-YT/focal-person", new { name = "Người khác", version = (int)updated["version"]! });

        Assert.Equal("Ngô Thị Mai", (string?)updated["focalPerson"]!["name"]);
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
        await wrongRole.ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PutJsonAsync("/api/v1/units/SO-YT/focal-person", new { email = "không-phải-thư", version = (int)updated["version"]! })).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
