using System.Net;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Assessment.AssessmentTestData;

namespace ThiDua.IntegrationTests.Assessment;

public class AssessmentWorkflowTests
{
    [Theory, Providers]
    public async Task ACommuneFillsSubmitsIsAppraisedAndPublishedAndItsRankingAndExplanationAreRight(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("baichay.baocao");
        var leader = await app.ClientAsync("baichay.lanhdao");
        var secretariat = await app.ClientAsync("thuongtruc");

        // The reporter starts the 2025 assessment, uploads evidence and fills the form.
        var id = await CreateAsync(reporter);
        var evidence = await UploadPdfAsync(reporter);
        var filled = await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", BaiChayValues(evidence))).JsonAsync();
        Assert.Equal(BaiChaySelfTotal, (double)filled["selfTotal"]!, 6);
        Assert.Empty(filled["missing"]!.AsArray());
        Assert.Empty(filled["missingEvidence"]!.AsArray());
        Assert.Equal(18.75, (double)Value(filled, "NT3.3")["points"]!, 6);

        // Only the leader submits; the values then lock.
        await (await reporter.PostAsync($"/api/v1/assessments/{id}/submit", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var submitted = await (await leader.PostAsync($"/api/v1/assessments/{id}/submit", null)).JsonAsync();
        Assert.Equal("submitted", (string?)submitted["status"]);
        await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", new[] { new { indicatorCode = "NT1.3", value = 30 } })).ProblemAsync(HttpStatusCode.Conflict);
        await (await leader.PostAsync($"/api/v1/assessments/{id}/submit", null)).ProblemAsync(HttpStatusCode.Conflict);

        // The Secretariat adjusts two values; a change without a reason is refused.
        await (await secretariat.PostJsonAsync($"/api/v1/assessments/{id}/appraisal", new[] { new { indicatorCode = "HD1.1", value = 0.6 } })).ProblemAsync(HttpStatusCode.BadRequest);
        var appraised = await (await secretariat.PostJsonAsync($"/api/v1/assessments/{id}/appraisal", new object[]
        {
            new { indicatorCode = "HD1.1", value = 0.6, reason = "Hệ thống giải quyết TTHC ghi nhận 60 % hồ sơ trực tuyến toàn trình." },
            new { indicatorCode = "HD2.4", value = 12, reason = "Chỉ có 3 hộ kinh doanh được hỗ trợ có minh chứng." },
            new { indicatorCode = "NT1.1", value = true },
        })).JsonAsync();
        Assert.Equal("adjusted", (string?)Value(appraised, "HD1.1")["decision"]);
        Assert.Equal("accepted", (string?)Value(appraised, "NT1.1")["decision"]);
        var final = await (await secretariat.PostAsync($"/api/v1/assessments/{id}/finalize", null)).JsonAsync();
        Assert.Equal("appraised", (string?)final["status"]);
        Assert.Equal(BaiChaySelfTotal - 18, (double)final["appraisedTotal"]!, 6);
        Assert.Equal(["draft", "submitted", "appraised"], final["history"]!.AsArray().Select(h => (string)h!["to"]!));
        await (await secretariat.PostAsync($"/api/v1/assessments/{id}/finalize", null)).ProblemAsync(HttpStatusCode.Conflict);

        // The ranking: 823,75 / 1000 = 82,375 / 100, "Khá"; previous year through the predecessors.
        var results = await (await secretariat.GetAsync($"/api/v1/results?frameworkCode={Communes2025}&pageSize=500")).JsonAsync();
        var items = results["items"]!.AsArray();
        var row = items.Single(i => (string?)i!["unitCode"] == BaiChay)!;
        Assert.Equal(823.75, (double)row["total"]!, 6);
        Assert.Equal(82.375, (double)row["score100"]!, 6);
        Assert.Equal("Khá", (string?)row["band"]);
        var expectedRank = 1 + items.Count(i => (double)i!["total"]! > 823.75);
        Assert.Equal(expectedRank, (int)row["rank"]!);
        Assert.Equal(184 - 10, (double)row["groups"]!.AsArray().Single(g => (string?)g!["code"] == "HD1")!["points"]!, 6);
        Assert.Equal(174.0 / 200, (double)row["groups"]!.AsArray().Single(g => (string?)g!["code"] == "HD1")!["value"]!, 6);
        Assert.Equal("predecessors", (string?)row["previous"]!["basis"]);
        Assert.Equal(["X-06673-BAICHAY", "X-06679-HUNGTHANG"], row["previous"]!["unitCodes"]!.AsArray().Select(c => (string)c!));
        var uncertainty = row["uncertainty"]!;
        Assert.True((double)uncertainty["rankP5"]! <= (double)uncertainty["rankMedian"]! && (double)uncertainty["rankMedian"]! <= (double)uncertainty["rankP95"]!);

        // The explanation: largest gaps first, and what the next band and rank need.
        var explain = await (await secretariat.GetAsync($"/api/v1/results/{Communes2025}/{BaiChay}/explain")).JsonAsync();
        var gaps = explain["gaps"]!.AsArray();
        Assert.Equal("HD1.1", (string?)gaps[0]!["indicatorCode"]);
        Assert.Equal(20, (double)gaps[0]!["lost"]!, 6);
        Assert.True(gaps.Zip(gaps.Skip(1)).All(p => (double)p.First!["lost"]! >= (double)p.Second!["lost"]!));
        Assert.Equal("Tốt", (string?)explain["nextBand"]);
        Assert.Equal(26.25, (double)explain["pointsToNextBand"]!, 6);
        if (expectedRank > 1)
        {
            var better = items.Where(i => (double)i!["total"]! > 823.75).Min(i => (double)i!["total"]!);
            Assert.Equal(better - 823.75, (double)explain["pointsToNextRank"]!, 6);
        }

        // Unpublished results are not public; publication makes them so.
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync($"/api/open/v1/results?frameworkCode={Communes2025}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.GetAsync($"/api/v1/results?frameworkCode={Communes2025}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await reporter.PostAsync($"/api/v1/frameworks/{Communes2025}/publish", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var publication = await (await secretariat.PostAsync($"/api/v1/frameworks/{Communes2025}/publish", null)).JsonAsync();
        Assert.Equal(64, ((string)publication["sha256"]!).Length);
        var open = await (await anonymous.GetAsync($"/api/open/v1/results?frameworkCode={Communes2025}")).JsonAsync();
        Assert.True((bool)open["published"]!);
        Assert.Equal(823.75, (double)open["items"]!.AsArray().Single(i => (string?)i!["unitCode"] == BaiChay)!["total"]!, 6);
        var csv = await anonymous.GetStringAsync($"/api/open/v1/results.csv?frameworkCode={Communes2025}");
        Assert.Contains($"{expectedRank},{BaiChay},Phường Bãi Cháy,commune,823.75,82.375,Khá", csv, StringComparison.Ordinal);
        var forUnit = await (await reporter.GetAsync($"/api/v1/results?frameworkCode={Communes2025}&pageSize=500")).JsonAsync();
        Assert.True((bool)forUnit["published"]!);
    }

    [Theory, Providers]
    public async Task AReturnedAssessmentIsAnsweredAndResubmitted(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("soyte.baocao");
        var leader = await app.ClientAsync("soyte.lanhdao");
        var secretariat = await app.ClientAsync("thuongtruc");
        var id = await CreateAsync(reporter, "QN-DTI-2025-SO", "SO-YT");
        await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", new object[] { new { indicatorCode = "HD1.3", value = 0.95 }, new { indicatorCode = "NT1.2", value = true } })).JsonAsync();
        await (await leader.PostAsync($"/api/v1/assessments/{id}/submit", null)).JsonAsync();

        await (await secretariat.PostJsonAsync($"/api/v1/assessments/{id}/appraisal", new[] { new { indicatorCode = "HD1.3", action = "return", message = "Đề nghị gửi báo cáo thống kê văn bản ký số từ hệ thống quản lý văn bản." } })).JsonAsync();
        var returned = await (await secretariat.PostJsonAsync($"/api/v1/assessments/{id}/return", new { message = "Đề nghị giải trình chỉ tiêu HD1.3." })).JsonAsync();
        Assert.Equal("returned", (string?)returned["status"]);
        await (await secretariat.PostJsonAsync($"/api/v1/assessments/{id}/return", new { message = "Lần hai" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await secretariat.PostJsonAsync($"/api/v1/assessments/{id}/return", new { message = "" })).ProblemAsync(HttpStatusCode.BadRequest);

        var answered = await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", new[] { new { indicatorCode = "HD1.3", value = 0.9, response = "Số liệu trích từ hệ thống QLVB: 90 % văn bản đi được ký số." } })).JsonAsync();
        Assert.Equal("Đề nghị gửi báo cáo thống kê văn bản ký số từ hệ thống quản lý văn bản.", (string?)Value(answered, "HD1.3")["returnMessage"]);
        var again = await (await leader.PostAsync($"/api/v1/assessments/{id}/submit", null)).JsonAsync();
        var final = await (await secretariat.PostAsync($"/api/v1/assessments/{id}/finalize", null)).JsonAsync();

        Assert.Equal("submitted", (string?)again["status"]);
        Assert.Equal(["draft", "submitted", "returned", "submitted", "appraised"], final["history"]!.AsArray().Select(h => (string)h!["to"]!));
        Assert.Equal(36, (double)Value(final, "HD1.3")["appraisedPoints"]!, 6);
    }

    [Theory, Providers]
    public async Task UnitsSeeAndChangeOnlyTheirOwnAssessmentAndOthersCannotAppraise(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var baiChay = await app.ClientAsync("baichay.baocao");
        var health = await app.ClientAsync("soyte.baocao");
        var healthLeader = await app.ClientAsync("soyte.lanhdao");
        var inspector = await app.ClientAsync("thanhtra");
        var id = await CreateAsync(baiChay);

        await (await health.PostJsonAsync("/api/v1/assessments", new { frameworkCode = Communes2025, unitCode = BaiChay })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await health.GetAsync($"/api/v1/assessments/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await health.PutJsonAsync($"/api/v1/assessments/{id}/values", new[] { new { indicatorCode = "NT1.2", value = true } })).ProblemAsync(HttpStatusCode.NotFound);
        await (await healthLeader.PostAsync($"/api/v1/assessments/{id}/submit", null)).ProblemAsync(HttpStatusCode.NotFound); // another unit's assessment: as a missing one
        await (await baiChay.PostJsonAsync($"/api/v1/assessments/{id}/appraisal", new[] { new { indicatorCode = "NT1.2", value = true } })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await baiChay.PostAsync($"/api/v1/assessments/{id}/finalize", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await inspector.PutJsonAsync($"/api/v1/assessments/{id}/values", new[] { new { indicatorCode = "NT1.2", value = true } })).ProblemAsync(HttpStatusCode.Forbidden);
        var inspectorView = await (await inspector.GetAsync($"/api/v1/assessments/{id}")).JsonAsync();
        Assert.Equal(BaiChay, (string?)inspectorView["unitCode"]);
        var ownList = await (await health.GetAsync("/api/v1/assessments?pageSize=500")).JsonAsync();
        Assert.All(ownList["items"]!.AsArray(), a => Assert.Equal("SO-YT", (string?)a!["unitCode"]));

        // Appraising before submission is a step out of order.
        var secretariat = await app.ClientAsync("thuongtruc");
        await (await secretariat.PostJsonAsync($"/api/v1/assessments/{id}/appraisal", new[] { new { indicatorCode = "NT1.2", value = true } })).ProblemAsync(HttpStatusCode.Conflict);
        await (await secretariat.PostAsync($"/api/v1/assessments/{id}/finalize", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, Providers]
    public async Task BadValuesAndBadAssessmentsAreRefusedWithTheIndicatorNamed(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("baichay.baocao");
        var leader = await app.ClientAsync("baichay.lanhdao");

        await (await reporter.PostJsonAsync("/api/v1/assessments", new { frameworkCode = "QN-DTI-2025-SO", unitCode = BaiChay })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await reporter.PostJsonAsync("/api/v1/assessments", new { frameworkCode = "QN-DTI-2024-XA", unitCode = BaiChay })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await reporter.PostJsonAsync("/api/v1/assessments", new { frameworkCode = "NOPE", unitCode = BaiChay })).ProblemAsync(HttpStatusCode.NotFound);
        var id = await CreateAsync(reporter);
        await (await reporter.PostJsonAsync("/api/v1/assessments", new { frameworkCode = Communes2025, unitCode = BaiChay })).ProblemAsync(HttpStatusCode.Conflict);

        var bad = await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", new object[]
        {
            new { indicatorCode = "NT1.4", value = (object)-0.2 },
            new { indicatorCode = "NT2.4", value = (object)"Z" },
            new { indicatorCode = "HD3.4", value = (object)"cao" },
            new { indicatorCode = "XX", value = (object)1 },
            new { indicatorCode = "NT1.1", value = (object)true, evidenceFileIds = new[] { Guid.NewGuid() } },
        })).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = bad["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["HD3.4", "NT1.1", "NT1.4", "NT2.4", "XX"], errors.Order(StringComparer.Ordinal));
        var unchanged = await (await reporter.GetAsync($"/api/v1/assessments/{id}")).JsonAsync();
        Assert.Equal(0, (double)unchanged["selfTotal"]!);

        // Evidence-required indicators with a value but no evidence block submission.
        await (await reporter.PutJsonAsync($"/api/v1/assessments/{id}/values", new[] { new { indicatorCode = "NT1.1", value = true } })).JsonAsync();
        var refused = await (await leader.PostAsync($"/api/v1/assessments/{id}/submit", null)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("NT1.1", (string?)refused["detail"], StringComparison.Ordinal);
        await (await reporter.PostRawAsync($"/api/v1/assessments/{id}/submit", "")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reporter.PutJsonAsync("/api/v1/assessments/999999/values", Array.Empty<object>())).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, Providers]
    public async Task TwoEditorsOfOneAssessmentGetAConflictWithIfMatch(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var reporter = await app.ClientAsync("baichay.baocao");
        var leader = await app.ClientAsync("baichay.lanhdao");
        var id = await CreateAsync(reporter);
        var read = await reporter.GetAsync($"/api/v1/assessments/{id}");
        var etag = read.Headers.ETag!.ToString();

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{id}/values") { Content = System.Net.Http.Json.JsonContent.Create(new[] { new { indicatorCode = "NT1.2", value = true } }) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        using var second = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{id}/values") { Content = System.Net.Http.Json.JsonContent.Create(new[] { new { indicatorCode = "NT1.2", value = false } }) };
        second.Headers.TryAddWithoutValidation("If-Match", etag);

        await (await reporter.SendAsync(first)).JsonAsync();
        await (await leader.SendAsync(second)).ProblemAsync(HttpStatusCode.Conflict);
        var now = await (await reporter.GetAsync($"/api/v1/assessments/{id}")).JsonAsync();
        Assert.Equal(20, (double)Value(now, "NT1.2")["points"]!, 6);
    }
}
