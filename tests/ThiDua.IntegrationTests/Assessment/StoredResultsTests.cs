using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThiDua.Core.Assessment;
using ThiDua.Data;
using ThiDua.Data.Assessment;
using ThiDua.Data.Units;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Features.Assessment;

namespace ThiDua.IntegrationTests.Assessment;

/// <summary>
/// Results computed once and stored (ADR 025): the fast path — stored rows, paged in SQL, explained from the unit's
/// row — against the straightforward one, a fresh computation of the whole cohort; and when the stored results follow.
/// </summary>
public class StoredResultsTests
{
    private const string Communes2024 = "QN-DTI-2024-XA";

    private static JsonNode Node<T>(ThiDuaApp app, T value) =>
        JsonNode.Parse(JsonSerializer.Serialize(value, app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions))!;

    private static async Task<T> InScopeAsync<T>(ThiDuaApp app, Func<ResultsService, ThiDuaDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ResultsService>(), scope.ServiceProvider.GetRequiredService<ThiDuaDbContext>());
    }

    private static Task<(ResultsDto Results, CohortResult Cohort)> FreshAsync(ThiDuaApp app, string frameworkCode) =>
        InScopeAsync(app, async (results, db) => await results.ComputeAsync(await db.Frameworks.AsNoTracking().SingleAsync(f => f.Code == frameworkCode)));

    private static async Task<List<JsonNode>> AllPagesAsync(HttpClient client, string url, int pageSize)
    {
        var items = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var body = await (await client.GetAsync($"{url}&page={page}&pageSize={pageSize}")).JsonAsync();
            var rows = body["items"]!.AsArray();
            items.AddRange(rows.Select(r => r!.DeepClone()));
            Assert.Equal(page, (int)body["page"]!);
            if (rows.Count < pageSize)
            {
                Assert.Equal(items.Count, (int)body["total"]!);
                return items;
            }
        }
    }

    private static Task<int> ComputationsAsync(ThiDuaApp app, string frameworkCode) =>
        InScopeAsync(app, (_, db) => db.CohortComputations.CountAsync(c => db.Frameworks.Any(f => f.Id == c.FrameworkId && f.Code == frameworkCode)));

    [Theory, Providers]
    public async Task StoredPagedResultsAndExplanationsEqualAFreshComputationOfTheWholeCohort(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        foreach (var code in new[] { AssessmentTestData.Communes2025, Communes2024, "QN-DTI-2024-SO" })
        {
            var paged = await AllPagesAsync(secretariat, $"/api/v1/results?frameworkCode={code}", 7);
            var (fresh, cohort) = await FreshAsync(app, code);

            Assert.NotEmpty(fresh.Items);
            Assert.Equal(fresh.Items.Count, paged.Count);
            for (var i = 0; i < paged.Count; i++)
            {
                Assert.True(JsonNode.DeepEquals(Node(app, fresh.Items[i]), paged[i]), $"{code} row {i}: {paged[i].ToJsonString()} ≠ {Node(app, fresh.Items[i]).ToJsonString()}");
            }
            var whole = await InScopeAsync(app, async (results, db) => await results.LiveAsync(await db.Frameworks.AsNoTracking().SingleAsync(f => f.Code == code)));
            Assert.True(JsonNode.DeepEquals(Node(app, fresh), Node(app, whole)), $"{code}: {Node(app, fresh with { Items = [] }).ToJsonString()} ≠ {Node(app, whole with { Items = [] }).ToJsonString()}");

            // Every unit's explanation from its stored row equals the engine's over the fresh cohort.
            foreach (var unit in cohort.Units)
            {
                var explained = await (await secretariat.GetAsync($"/api/v1/results/{code}/{unit.UnitCode}/explain")).JsonAsync();
                var e = Explainer.Explain(cohort, unit.UnitCode);
                var expected = new ExplanationDto(code, unit.UnitCode, unit.UnitName, e.Total, e.Score100, e.Band, e.Rank,
                    e.Gaps.Select(g => new GapItem(g.Code, g.Name, g.GroupCode, g.MaxPoints, g.Points, g.Lost)).ToList(),
                    e.NextBand, e.PointsToNextBand, e.NextRank, e.PointsToNextRank, e.Missing);
                Assert.True(JsonNode.DeepEquals(Node(app, expected), explained), $"{code} {unit.UnitCode}: {explained.ToJsonString()}");
            }
        }
    }

    [Theory, Providers]
    public async Task FiltersByClusterAndUnitTypeArePagedInSqlAsTheyWereInMemory(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var all = await (await secretariat.GetAsync($"/api/v1/results?frameworkCode={Communes2024}&pageSize=500")).JsonAsync();
        var members = all["items"]!.AsArray().Select(i => (string)i!["unitCode"]!).Where((_, k) => k % 9 == 4).ToArray();
        await (await secretariat.PostJsonAsync("/api/v1/clusters", new { code = "CUM-THU", name = "Cụm thi đua thử", kind = "cluster", year = 2024, memberCodes = members })).JsonAsync(HttpStatusCode.Created);

        var (fresh, _) = await FreshAsync(app, Communes2024);
        var cluster = await AllPagesAsync(secretariat, $"/api/v1/results?frameworkCode={Communes2024}&clusterCode=CUM-THU", 4);
        var type = await AllPagesAsync(secretariat, $"/api/v1/results?frameworkCode={Communes2024}&unitType=COMMUNE", 50);

        Assert.Equal(members.Length, cluster.Count);
        Assert.Equal(ResultsService.Filter(fresh.Items, "CUM-THU", null).Select(i => Node(app, i).ToJsonString()), cluster.Select(n => n.ToJsonString()));
        Assert.Equal(ResultsService.Filter(fresh.Items, null, "COMMUNE").Count, type.Count);
        Assert.Equal(fresh.Items.Count, type.Count);
        var beyond = await (await secretariat.GetAsync($"/api/v1/results?frameworkCode={Communes2024}&clusterCode=CUM-THU&page=99&pageSize=4")).JsonAsync();
        Assert.Empty(beyond["items"]!.AsArray());
        Assert.Equal(members.Length, (int)beyond["total"]!);
    }

    [Theory, Providers]
    public async Task FinalisingAnAppraisalMovesTheKeyAndTheResultsAreRecomputedOnce(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var before = await (await secretariat.GetAsync($"/api/v1/results?frameworkCode={AssessmentTestData.Communes2025}&pageSize=500")).JsonAsync();
        var computations = await ComputationsAsync(app, AssessmentTestData.Communes2025);
        await (await secretariat.GetAsync($"/api/v1/results?frameworkCode={AssessmentTestData.Communes2025}")).JsonAsync();
        Assert.Equal(computations, await ComputationsAsync(app, AssessmentTestData.Communes2025));

        var submitted = await (await secretariat.GetAsync($"/api/v1/assessments?frameworkCode={AssessmentTestData.Communes2025}&status=submitted&pageSize=1")).JsonAsync();
        var assessment = submitted["items"]![0]!;
        var keyBefore = await InScopeAsync(app, async (results, db) => await results.InputsKeyAsync(await db.Frameworks.SingleAsync(f => f.Code == AssessmentTestData.Communes2025)));
        await (await secretariat.PostAsync($"/api/v1/assessments/{(int)assessment["id"]!}/finalize", null)).JsonAsync();
        var keyAfter = await InScopeAsync(app, async (results, db) => await results.InputsKeyAsync(await db.Frameworks.SingleAsync(f => f.Code == AssessmentTestData.Communes2025)));

        var after = await AllPagesAsync(secretariat, $"/api/v1/results?frameworkCode={AssessmentTestData.Communes2025}", 500);
        await (await secretariat.GetAsync($"/api/v1/results/{AssessmentTestData.Communes2025}/{(string)assessment["unitCode"]!}/explain")).JsonAsync();
        var (fresh, _) = await FreshAsync(app, AssessmentTestData.Communes2025);

        Assert.NotEqual(keyBefore, keyAfter);
        Assert.Equal((int)before["total"]! + 1, after.Count);
        Assert.Contains(after, i => (string?)i["unitCode"] == (string?)assessment["unitCode"]);
        Assert.Equal(fresh.Items.Select(i => Node(app, i).ToJsonString()), after.Select(i => i.ToJsonString()));
        Assert.Equal(computations + 1, await ComputationsAsync(app, AssessmentTestData.Communes2025));
    }

    [Theory, Providers]
    public async Task ALineageChangeMovesTheKeyOfEveryFramework(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var (keyBefore, keyAfter, refreshed) = await InScopeAsync(app, async (results, db) =>
        {
            var framework = await db.Frameworks.AsNoTracking().SingleAsync(f => f.Code == AssessmentTestData.Communes2025);
            await results.CurrentAsync(framework);
            var before = await results.InputsKeyAsync(framework);
            var units = await db.Units.Where(u => u.Type == ThiDua.Core.Units.UnitType.Commune).OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToListAsync();
            db.UnitLineage.Add(new UnitLineage { PredecessorId = units[0], SuccessorId = units[1], EffectiveDate = new DateOnly(2025, 7, 1) });
            await db.SaveChangesAsync();
            var after = await results.InputsKeyAsync(framework);
            return (before, after, await results.RefreshAsync(framework));
        });
        Assert.NotEqual(keyBefore, keyAfter);
        Assert.True(refreshed);
        Assert.False(await InScopeAsync(app, async (results, db) => await results.RefreshAsync(await db.Frameworks.AsNoTracking().SingleAsync(f => f.Code == AssessmentTestData.Communes2025))));
    }

    [Theory, Providers]
    public async Task TwoComputersRacingOnTheSameInputsComputeOnce(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var before = await ComputationsAsync(app, AssessmentTestData.Communes2025);
        Assert.Equal(0, before);

        var raced = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            InScopeAsync(app, async (results, db) => await results.RefreshAsync(await db.Frameworks.AsNoTracking().SingleAsync(f => f.Code == AssessmentTestData.Communes2025))))));

        Assert.Single(raced, r => r);
        Assert.Equal(1, await ComputationsAsync(app, AssessmentTestData.Communes2025));
        var finished = await InScopeAsync(app, (_, db) => db.CohortComputations.Where(c => c.FinishedAt != null).CountAsync(c => db.Frameworks.Any(f => f.Id == c.FrameworkId && f.Code == AssessmentTestData.Communes2025)));
        Assert.Equal(1, finished);
    }

    [Theory, Providers]
    public async Task APublishedRankingsRowsNeverChangeAfterLaterAppraisals(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        using var anonymous = app.CreateClient();
        await (await secretariat.PostAsync($"/api/v1/frameworks/{AssessmentTestData.Communes2025}/publish", null)).JsonAsync();
        var published = await AllPagesAsync(anonymous, $"/api/open/v1/results?frameworkCode={AssessmentTestData.Communes2025}", 50);
        var whole = await (await anonymous.GetAsync($"/api/open/v1/results.json?frameworkCode={AssessmentTestData.Communes2025}")).Content.ReadAsByteArrayAsync();

        var submitted = await (await secretariat.GetAsync($"/api/v1/assessments?frameworkCode={AssessmentTestData.Communes2025}&status=submitted&pageSize=1")).JsonAsync();
        await (await secretariat.PostAsync($"/api/v1/assessments/{(int)submitted["items"]![0]!["id"]!}/finalize", null)).JsonAsync();
        var live = await (await secretariat.GetAsync($"/api/v1/results?frameworkCode={AssessmentTestData.Communes2025}")).JsonAsync();
        var again = await AllPagesAsync(anonymous, $"/api/open/v1/results?frameworkCode={AssessmentTestData.Communes2025}", 50);
        var unit = await (await app.ClientAsync("baichay.baocao")).GetAsync($"/api/v1/results?frameworkCode={AssessmentTestData.Communes2025}&pageSize=500");

        Assert.Equal(published.Count + 1, (int)live["total"]!);
        Assert.Equal(published.Select(n => n.ToJsonString()), again.Select(n => n.ToJsonString()));
        Assert.Equal(whole, await (await anonymous.GetAsync($"/api/open/v1/results.json?frameworkCode={AssessmentTestData.Communes2025}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(published.Count, (int)(await unit.JsonAsync())["total"]!);
        // The rows of the publication are its snapshot's items, row for row.
        var snapshot = JsonNode.Parse(whole)!["items"]!.AsArray();
        Assert.Equal(snapshot.Select(n => n!.ToJsonString()), published.Select(n => n.ToJsonString()));
    }

    [Theory, Providers]
    public async Task OpenResultsHonourPageSizeAndStillServeTheWholeSignedDownload(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        using var anonymous = app.CreateClient();
        var url = $"/api/open/v1/results?frameworkCode={Communes2024}";

        var page = await (await anonymous.GetAsync(url + "&pageSize=10")).JsonAsync();
        var last = await (await anonymous.GetAsync(url + "&page=18&pageSize=10")).JsonAsync();
        var whole = await anonymous.GetAsync(url);
        var wholeBytes = await whole.Content.ReadAsByteArrayAsync();
        var json = await (await anonymous.GetAsync($"/api/open/v1/results.json?frameworkCode={Communes2024}")).Content.ReadAsByteArrayAsync();
        var pages = await AllPagesAsync(anonymous, url, 25);

        Assert.Equal(10, page["items"]!.AsArray().Count);
        Assert.Equal(171, (int)page["total"]!);
        Assert.Equal(10, (int)page["pageSize"]!);
        Assert.True((bool)page["published"]!);
        Assert.Single(last["items"]!.AsArray());
        Assert.Equal(json, wholeBytes);
        var items = JsonNode.Parse(wholeBytes)!["items"]!.AsArray();
        Assert.Equal(171, items.Count);
        Assert.Equal(items.Select(n => n!.ToJsonString()), pages.Select(n => n.ToJsonString()));
        await (await anonymous.GetAsync(url + "&pageSize=501")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task AnotherUnitsExplanationIsStillHiddenBeforePublicationAndItsOwnIsNot(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var reporter = await app.ClientAsync("baichay.baocao");
        using var anonymous = app.CreateClient();
        var live = await (await secretariat.GetAsync($"/api/v1/results?frameworkCode={AssessmentTestData.Communes2025}&pageSize=500")).JsonAsync();
        var other = (string)live["items"]!.AsArray().First(i => (string?)i!["unitCode"] != AssessmentTestData.BaiChay)!["unitCode"]!;

        await (await reporter.GetAsync($"/api/v1/results/{AssessmentTestData.Communes2025}/{other}/explain")).ProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.GetAsync($"/api/v1/results/{AssessmentTestData.Communes2025}/KHONG-CO/explain")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/results/{AssessmentTestData.Communes2025}/{other}/explain")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await reporter.GetAsync($"/api/v1/results?frameworkCode={AssessmentTestData.Communes2025}")).ProblemAsync(HttpStatusCode.NotFound);
        if (live["items"]!.AsArray().Any(i => (string?)i!["unitCode"] == AssessmentTestData.BaiChay))
        {
            await (await reporter.GetAsync($"/api/v1/results/{AssessmentTestData.Communes2025}/{AssessmentTestData.BaiChay}/explain")).JsonAsync();
        }
    }
}
