using System.Net;
using System.Text;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using static ThiDua.IntegrationTests.Assessment.AssessmentTestData;

namespace ThiDua.IntegrationTests.Assessment;

/// <summary>The import reads a file in two passes with set-based look-ups: its answer is the row-by-row one; its body has its own limit.</summary>
public class ImportAtScaleTests
{
    private const string HaTu = "X2025-06652-HATU"; // its 2025 assessment is already submitted: the unit may not overwrite it

    [Theory, Providers]
    public async Task AFileOfHundredsOfRowsGetsEveryRowsFaultsInOrderAndTheSameCounts(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var csv = new StringBuilder("frameworkCode,unitCode,indicatorCode,value\n");
        var expected = new List<(int Row, string Fragment)>();
        for (var k = 0; k < 300; k++)
        {
            var row = k + 2;
            switch (k % 3)
            {
                case 0:
                    csv.Append($"{Communes2025},{BaiChay},NT1.2,true\n");
                    if (k > 0)
                    {
                        expected.Add((row, "đã có ở một dòng trên"));
                    }
                    break;
                case 1:
                    csv.Append($"{Communes2025},NOWHERE-{k},NT1.2,true\n");
                    expected.Add((row, $"Không có đơn vị mã NOWHERE-{k}."));
                    break;
                default:
                    csv.Append($"{Communes2025},{HaTu},NT1.2,true\n");
                    if (k > 2)
                    {
                        expected.Add((row, "đã có ở một dòng trên"));
                    }
                    expected.Add((row, "đã gửi hoặc đã thẩm định"));
                    break;
            }
        }

        var dry = await (await secretariat.PostAsync("/api/v1/assessments/import?dryRun=true", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).JsonAsync();
        Assert.True((bool)dry["dryRun"]!);
        Assert.Equal(300, (int)dry["rows"]!);
        Assert.Equal(1, (int)dry["validRows"]!);
        var errors = dry["errors"]!.AsArray().Select(e => ((int)e!["row"]!, (string)e["message"]!)).ToList();
        Assert.Equal(expected.Count, errors.Count);
        Assert.All(expected.Zip(errors), p =>
        {
            Assert.Equal(p.First.Row, p.Second.Item1);
            Assert.Contains(p.First.Fragment, p.Second.Item2, StringComparison.Ordinal);
        });

        // A real run of the same file writes nothing and answers 400 with the same rows.
        var real = await (await secretariat.PostAsync("/api/v1/assessments/import?dryRun=false", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(errors, real["errors"]!.AsArray().Select(e => ((int)e!["row"]!, (string)e["message"]!)).ToList());
        Assert.Equal(0, (int)(await (await secretariat.GetAsync($"/api/v1/assessments?unitCode={BaiChay}")).JsonAsync())["total"]!);
    }

    [Theory, Providers]
    public async Task ABodyOverTheImportsOwnLimitIsRefusedWith413(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider, settings: new Dictionary<string, string> { ["Assessment:ImportMaxBytes"] = "2048" });
        var reporter = await app.ClientAsync("baichay.baocao");
        var small = $"frameworkCode,unitCode,indicatorCode,value\n{Communes2025},{BaiChay},NT1.2,true\n";
        var large = small + string.Concat(Enumerable.Repeat($"{Communes2025},{BaiChay},NT1.4,\"0,8\"\n", 100));

        var ok = await (await reporter.PostAsync("/api/v1/assessments/import?dryRun=true", new StringContent(small, Encoding.UTF8, "text/csv"))).JsonAsync();
        Assert.Empty(ok["errors"]!.AsArray());
        var body = await (await reporter.PostAsync("/api/v1/assessments/import?dryRun=true", new StringContent(large, Encoding.UTF8, "text/csv"))).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("lớn hơn giới hạn 2 KB", (string?)body["detail"], StringComparison.Ordinal);
        using var form = new MultipartFormDataContent { { new StringContent(large), "file", "so-lieu.csv" } };
        await (await reporter.PostAsync("/api/v1/assessments/import?dryRun=true", form)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        // Without a Content-Length the limit holds while the body is read.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assessments/import?dryRun=true") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(large))) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        request.Headers.TransferEncodingChunked = true;
        await (await reporter.SendAsync(request)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
