using System.Net;
using MiniExcelLibs;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Assessment;

public class ResultsApiTests
{
    [Theory, Providers]
    public async Task AClusterGetsItsOwnCompetitionRanks(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var all = await (await secretariat.GetAsync("/api/v1/results?frameworkCode=QN-DTI-2024-XA&pageSize=500")).JsonAsync();
        var members = all["items"]!.AsArray().Where(i => ((string)i!["unitCode"]!).StartsWith("X-069", StringComparison.Ordinal)).Take(6).Select(i => (string)i!["unitCode"]!).ToArray();
        await (await secretariat.PostJsonAsync("/api/v1/clusters", new { code = "CUM-MIEN-DONG", name = "Cụm thi đua miền Đông", kind = "cluster", year = 2024, memberCodes = members })).JsonAsync(HttpStatusCode.Created);

        var cluster = await (await secretariat.GetAsync("/api/v1/results?frameworkCode=QN-DTI-2024-XA&clusterCode=CUM-MIEN-DONG")).JsonAsync();

        var items = cluster["items"]!.AsArray();
        Assert.Equal(6, items.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], items.Select(i => (int)i!["rankInCluster"]!));
        Assert.True(items.Select(i => (double)i!["total"]!).SequenceEqual(items.Select(i => (double)i!["total"]!).OrderDescending()));
        Assert.All(items, i => Assert.True((int)i!["rank"]! >= (int)i["rankInCluster"]!));
    }

    [Theory, Providers]
    public async Task PublishedResultsAreReadByUnitsAndThePublicLiveOnesOnlyByProvinceRoles(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("baichay.baocao");
        var leader = await app.ClientAsync("lanhdao");
        using var anonymous = app.CreateClient();

        var published = await (await reporter.GetAsync("/api/v1/results?frameworkCode=QN-DTI-2024-XA&pageSize=500")).JsonAsync();
        var live = await (await leader.GetAsync("/api/v1/results?frameworkCode=QN-DTI-2025-XA&pageSize=500")).JsonAsync();
        var open = await (await anonymous.GetAsync("/api/open/v1/frameworks")).JsonAsync();

        Assert.True((bool)published["published"]!);
        Assert.Equal(171, (int)published["total"]!);
        Assert.False((bool)live["published"]!);
        Assert.Equal(["QN-DTI-2024-SO", "QN-DTI-2024-XA"], open.AsArray().Select(f => (string)f!["code"]!).Order(StringComparer.Ordinal));
        await (await reporter.GetAsync("/api/v1/results?frameworkCode=QN-DTI-2025-XA")).ProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.GetAsync("/api/v1/results/QN-DTI-2025-XA/X2025-06652-HATU/explain")).ProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.GetAsync("/api/v1/results")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await anonymous.GetAsync("/api/v1/results?frameworkCode=QN-DTI-2024-XA")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/open/v1/results")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task TheRankingExportsToXlsxWithGroupColumns(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");

        var response = await secretariat.GetAsync("/api/v1/results/export?frameworkCode=QN-DTI-2024-SO");
        var rows = new MemoryStream(await response.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(28, rows.Count);
        Assert.Equal(1.0, Convert.ToDouble(rows[0]["Hạng"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Chính quyền số (HD1)", rows[0].Keys);
        Assert.Contains("Hạng P95", rows[0].Keys);
    }

    [Theory, Providers]
    public async Task MergedCommunesCompareWithTheMeanOfTheirPredecessors(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");

        var y2024 = await (await secretariat.GetAsync("/api/v1/results?frameworkCode=QN-DTI-2024-XA&pageSize=500")).JsonAsync();
        var y2025 = await (await secretariat.GetAsync("/api/v1/results?frameworkCode=QN-DTI-2025-XA&pageSize=500")).JsonAsync();

        var lastYear = y2024["items"]!.AsArray().ToDictionary(i => (string)i!["unitCode"]!, i => (double)i!["score100"]!);
        var haTu = y2025["items"]!.AsArray().Single(i => (string?)i!["unitCode"] == "X2025-06652-HATU")!;
        var previous = haTu["previous"]!;
        Assert.Equal("predecessors", (string?)previous["basis"]);
        Assert.Equal((lastYear["X-06652-HAPHONG"] + lastYear["X-06664-HATU"]) / 2, (double)previous["score100"]!, 6);
        Assert.Equal((double)haTu["score100"]! - (double)previous["score100"]!, (double)previous["change100"]!, 6);
    }
}
