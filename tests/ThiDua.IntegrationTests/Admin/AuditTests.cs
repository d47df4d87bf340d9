using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Data;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Admin;

public class AuditTests
{
    [Theory, Providers]
    public async Task EveryWriteIsAuditedWithWhoAndBeforeAndAfter(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var admin = await app.ClientAsync("admin");
        var unit = await (await secretariat.GetAsync("/api/v1/units/SO-NGV")).JsonAsync();

        await (await secretariat.PutJsonAsync("/api/v1/units/SO-NGV", new { name = "Sở Ngoại vụ tỉnh Quảng Ninh", type = "department", parentCode = "QN-22", validFrom = "2022-01-01", version = (int)unit["version"]! })).JsonAsync();
        var log = await (await admin.GetAsync("/api/v1/audit?entityType=Unit&userName=thuongtruc")).JsonAsync();

        var entry = Assert.Single(log["items"]!.AsArray());
        Assert.Equal("update", (string?)entry!["action"]);
        Assert.Contains("Sở Ngoại vụ\"", (string?)entry["before"], StringComparison.Ordinal);
        Assert.Contains("Sở Ngoại vụ tỉnh Quảng Ninh", (string?)entry["after"], StringComparison.Ordinal);
        Assert.DoesNotContain("ValidFrom", (string?)entry["after"], StringComparison.Ordinal);
        await (await secretariat.GetAsync("/api/v1/audit")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, Providers]
    public async Task TheChainHoldsWhenTheClockIsFinerThanTheDatabase(DatabaseProvider provider)
    {
        // A real clock ticks in 100 ns; PostgreSQL keeps microseconds. The hash must cover the instant as stored.
        var clock = new FakeTimeProvider(ThiDuaApp.DefaultNow.AddTicks(1_234_567));
        await using var app = await ThiDuaApp.StartAsync(provider, clock);
        var admin = await app.ClientAsync("admin");
        await (await admin.PostJsonAsync("/api/v1/units", new { code = "DN-THOI-GIAN", name = "Doanh nghiệp thời gian", type = "enterprise", validFrom = "2026-01-01" }))
            .JsonAsync(HttpStatusCode.Created);

        var check = await (await admin.GetAsync("/api/v1/audit/verify")).JsonAsync();

        Assert.True((bool)check["valid"]!, check.ToJsonString());
    }

    [Theory, Providers]
    public async Task TheChainVerifiesUntilSomeoneEditsTheLogInTheDatabase(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var admin = await app.ClientAsync("admin");
        await (await admin.PostJsonAsync("/api/v1/clusters", new { code = "K", name = "Khối Đảng", kind = "bloc", year = 2025, memberCodes = new[] { "SO-NV-2025" } })).JsonAsync(HttpStatusCode.Created);

        var before = await (await admin.GetAsync("/api/v1/audit/verify")).JsonAsync();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            var target = await db.AuditEntries.Where(e => e.EntityType == "Cluster").Select(e => e.Sequence).FirstAsync();
            await db.AuditEntries.Where(e => e.Sequence == target).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserName, "someone-else"));
        }
        var after = await (await admin.GetAsync("/api/v1/audit/verify")).JsonAsync();

        Assert.True((bool)before["valid"]!);
        Assert.True((long)before["checked"]! > 500);
        Assert.False((bool)after["valid"]!);
        Assert.NotNull(after["firstBrokenSequence"]);
    }
}

public class AuditPageTests
{
    [Fact]
    public async Task TheAuditLogIsATableInVietnameseWithTheRecordOneClickAway()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var secretariat = await app.ClientAsync("thuongtruc");
        var unit = await (await secretariat.GetAsync("/api/v1/units/SO-NGV")).JsonAsync();
        await (await secretariat.PutJsonAsync("/api/v1/units/SO-NGV", new { name = "Sở Ngoại vụ tỉnh Quảng Ninh", type = "department", parentCode = "QN-22", validFrom = "2022-01-01", version = (int)unit["version"]! })).JsonAsync();

        var page = await (await app.PageClientAsync("admin")).GetAsync("/quan-tri/nhat-ky?loai=Unit&nguoi=thuongtruc");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var row = Assert.Single(document.QuerySelectorAll("table tbody tr"));
        var cells = row.Children.Select(td => System.Text.RegularExpressions.Regex.Replace(td.TextContent, @"\s+", " ").Trim()).ToList();
        var filter = document.QuerySelector("select#loai option[selected]");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("27/11/2026 10:00:00", cells[1]); // Vietnam time of the test clock's 03:00 UTC
        Assert.StartsWith("Nguyễn Thị Thu Hà", cells[2], StringComparison.Ordinal);
        Assert.StartsWith("Sửa Đơn vị", cells[3], StringComparison.Ordinal);
        Assert.Contains("Tên: Sở Ngoại vụ → Sở Ngoại vụ tỉnh Quảng Ninh", cells[4], StringComparison.Ordinal);
        Assert.Equal("Đơn vị", filter?.TextContent);
        var raw = row.QuerySelector("details pre code")?.TextContent ?? "";
        Assert.Contains("\"Name\":\"Sở Ngoại vụ\"", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Version", row.QuerySelector("ul.audit-changes")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAuditedEntityAndFieldHasAVietnameseName()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>().Model;
        var missing = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(t => !t.IsOwned() && !typeof(INotAudited).IsAssignableFrom(t.ClrType)))
        {
            if (!ThiDua.Web.DisplayNames.IsKnownEntity(entity.ClrType.Name))
            {
                missing.Add($"entity {entity.ClrType.Name}");
            }
            foreach (var property in entity.GetProperties())
            {
                if (ThiDua.Web.DisplayNames.Field(property.Name) == ThiDua.Web.DisplayNames.Field("(none)"))
                {
                    missing.Add($"{entity.ClrType.Name}.{property.Name}");
                }
            }
        }
        Assert.True(missing.Count == 0, "Without a Vietnamese name in DisplayNames: " + string.Join(", ", missing));
    }
}

public class AuditValueTests
{
    [Theory]
    [InlineData("SelfPoints", "23.450000000000003", null, "23,45")]
    [InlineData("SelfValue", "\"{\\\"numerator\\\":45,\\\"denominator\\\":60}\"", null, "45/60")]
    [InlineData("SelfValue", "\"1.5\"", null, "1,5")]
    [InlineData("SelfValue", "\"true\"", null, "Có")]
    [InlineData("Amount", "1234567.5", null, "1.234.567,5")]
    [InlineData("Year", "2026", typeof(int), "2026")]
    [InlineData("Status", "1", typeof(ThiDua.Core.Assessment.AssessmentStatus), "Đã gửi, chờ thẩm định")]
    [InlineData("Decision", "0", typeof(ThiDua.Core.Assessment.AppraisalDecision), "Chưa thẩm định")]
    [InlineData("SubmittedAt", "\"2025-12-09T07:00:00Z\"", typeof(DateTime), "09/12/2025 14:00")]
    [InlineData("ValidFrom", "\"2025-07-01\"", typeof(DateOnly), "01/07/2025")]
    [InlineData("CreatedBy", "\"system\"", typeof(string), "Hệ thống")]
    public void AValueOfTheLogReadsTheVietnameseWay(string field, string json, Type? type, string expected)
    {
        using var value = System.Text.Json.JsonDocument.Parse(json);

        Assert.Equal(expected, ThiDua.Web.Features.Admin.AuditChanges.Value(field, value.RootElement, type));
    }
}
