using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.Data.Targets;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Data.Seed;
using ThiDua.Web.Features.Targets;

namespace ThiDua.IntegrationTests.Targets;

/// <summary>The published figures of target-measurements.csv reach the API, the open data and the pages, with their sources (ADR 024).</summary>
public class TargetFiguresTests
{
    private static List<JsonNode> Measured(JsonNode items) => items.AsArray()
        .Where(t => t!["measurements"]!.AsArray().Any(m => !string.IsNullOrEmpty((string?)m!["source"]) && !string.IsNullOrEmpty((string?)m["sourceUrl"])))
        .Select(t => t!).ToList();

    [Theory, Providers]
    public async Task EveryPublishedFigureReachesTheApiAndTheOpenDataWithItsSource(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var leader = await app.ClientAsync("lanhdao");
        using var anonymous = app.CreateClient();
        var rows = TargetMeasurementsCsv.ReadRows();
        var codes = rows.Select(r => r.TargetCode).Distinct().Order(StringComparer.Ordinal).ToList();

        var list = await (await leader.GetAsync("/api/v1/targets?pageSize=500")).JsonAsync();
        var open = await (await anonymous.GetAsync("/api/open/v1/targets")).JsonAsync();

        var measured = Measured(list["items"]!);
        Assert.Equal(codes, measured.Select(t => (string)t["code"]!).Order(StringComparer.Ordinal));
        Assert.True(codes.Count >= 7, $"{codes.Count} targets with a published figure");
        Assert.Equal(codes, Measured(open).Select(t => (string)t["code"]!).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var target = measured.Single(t => (string?)t["code"] == row.TargetCode);
            var m = target["measurements"]!.AsArray().Single(m => (int)m!["year"]! == row.Year)!;
            Assert.Equal(row.Value, (double)m["value"]!);
            Assert.Equal(row.Source, (string?)m["source"]);
            Assert.Equal(row.SourceUrl, (string?)m["sourceUrl"]);
            Assert.Equal(row.SourceDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)m["sourceDate"]);
        }
        // The rank goes down as the province climbs: rank 3 in 2022 meets the "top 3" goal of 2025.
        var dti = measured.Single(t => (string?)t["code"] == "DTI-TOP3");
        Assert.Equal([(2020, 4.0), (2021, 7.0), (2022, 3.0)], dti["measurements"]!.AsArray().Select(m => ((int)m!["year"]!, (double)m["value"]!)));
        Assert.Equal("achieved", (string?)dti["status"]);
        // 7.1 % of GRDP in 2024 is far from the 20 % of 2025.
        Assert.Equal("off_track", (string?)measured.Single(t => (string?)t["code"] == "KTS-TY-TRONG-GRDP")["status"]);
    }

    [Theory, Providers]
    public async Task ARecordedFigureKeepsItsSourcesAddressAndDateAndABadAddressOrAFutureDateIsRefused(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        const string url = "/api/v1/targets/XHS-Y-TE-SO/measurements";

        var script = await (await secretariat.PostJsonAsync(url, new { year = 2025, value = 95, source = "Sở Y tế", sourceUrl = "javascript:alert(1)" })).ProblemAsync(HttpStatusCode.BadRequest);
        var future = await (await secretariat.PostJsonAsync(url, new { year = 2025, value = 95, source = "Sở Y tế", sourceUrl = "https://soyte.quangninh.gov.vn/bao-cao", sourceDate = "2026-12-31" })).ProblemAsync(HttpStatusCode.BadRequest);
        var created = await (await secretariat.PostJsonAsync(url, new { year = 2025, value = 95, source = "Sở Y tế, báo cáo năm 2025", sourceUrl = "https://soyte.quangninh.gov.vn/bao-cao", sourceDate = "2026-01-15" })).JsonAsync(HttpStatusCode.Created);
        var target = await (await secretariat.GetAsync("/api/v1/targets/XHS-Y-TE-SO")).JsonAsync();

        Assert.NotNull(script["errors"]!["sourceUrl"]);
        Assert.NotNull(future["errors"]!["sourceDate"]);
        Assert.Equal(("https://soyte.quangninh.gov.vn/bao-cao", "2026-01-15"), ((string?)created["sourceUrl"], (string?)created["sourceDate"]));
        var m = target["measurements"]!.AsArray().Single(x => (int)x!["year"]! == 2025)!;
        Assert.Equal(("https://soyte.quangninh.gov.vn/bao-cao", "2026-01-15", "Sở Y tế, báo cáo năm 2025"), ((string?)m["sourceUrl"], (string?)m["sourceDate"], (string?)m["source"]));
    }

    [Theory, Providers]
    public async Task SeedingFillsMissingYearsOfAnOlderDatabaseAndNeverDuplicatesOrOverwrites(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using (var scope = app.Services.CreateScope())
        {
            // An older database: the DTI target without its figures, and the Secretariat's own value for 2021.
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            var dti = await db.Targets.Include(t => t.Measurements).SingleAsync(t => t.Code == "DTI-TOP3");
            dti.Measurements.Clear();
            dti.Measurements.Add(new TargetMeasurement { Year = 2021, Value = 8, Source = "Văn bản của Sở", RecordedAt = DateTime.UtcNow, RecordedBy = "thuongtruc" });
            await db.SaveChangesAsync();
        }
        int Count(ThiDuaDbContext db) => db.TargetMeasurements.Count();
        int before;
        using (var scope = app.Services.CreateScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<TargetSeeder>();
            await seeder.SeedAsync();
            before = Count(scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>());
            await seeder.SeedAsync();
        }
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>();
            var id = await db.Targets.Where(t => t.Code == "DTI-TOP3").Select(t => t.Id).SingleAsync();
            var dti = await db.TargetMeasurements.Where(m => m.TargetId == id).OrderBy(m => m.Year).ToListAsync();

            Assert.Equal([(2020, 4.0, "system"), (2021, 8.0, "thuongtruc"), (2022, 3.0, "system")], dti.Select(m => (m.Year, m.Value, m.RecordedBy!)));
            Assert.Equal("https://dti.gov.vn/xep-hang-2022", dti[2].SourceUrl);
            Assert.Equal(new DateOnly(2023, 7, 12), dti[2].SourceDate);
            Assert.Equal(before, Count(db));
        }
    }

    [Fact]
    public async Task ATargetPageShowsItsSourcesAsLinksWithTheirDatesAndATargetWithoutFiguresSaysSo()
    {
        await using var app = await ThiDuaApp.StartAsync(DatabaseProvider.Sqlite);
        var leader = await app.PageClientAsync("lanhdao");

        var dti = await leader.GetStringAsync("/chi-tieu/DTI-TOP3");
        var schools = await leader.GetStringAsync("/chi-tieu/XHS-TRUONG-HOC-CDS");
        var dashboard = await leader.GetStringAsync("/chi-tieu");

        Assert.Contains("href=\"https://dti.gov.vn/xep-hang-2022\"", dti, StringComparison.Ordinal);
        Assert.Contains("12/07/2023", dti, StringComparison.Ordinal);
        Assert.Contains("<canvas", dti, StringComparison.Ordinal);
        Assert.Contains("Chưa có số liệu công bố.", schools, StringComparison.Ordinal);
        Assert.DoesNotContain("<canvas", schools, StringComparison.Ordinal);
        Assert.Contains("Chưa có số liệu công bố.", dashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/chi-tieu/KTS-TY-TRONG-GRDP")).StatusCode);
    }
}
