using System.Net;
using System.Text.Json.Nodes;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;

namespace ThiDua.IntegrationTests.Targets;

public class TargetsApiTests
{
    private static JsonNode Find(JsonNode list, string code) => list["items"]!.AsArray().Single(t => (string?)t!["code"] == code)!;

    [Theory, Providers]
    public async Task EveryFigureOfSectionII6IsSeededWithTheValuesOfTheText(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var client = await app.ClientAsync("lanhdao");

        var list = await (await client.GetAsync("/api/v1/targets?pageSize=500")).JsonAsync();

        Assert.Equal(29, (int)list["total"]!);
        var grdp = Find(list, "KTS-TY-TRONG-GRDP");
        Assert.Equal("digital_economy", (string?)grdp["area"]);
        Assert.Equal([(2025, 20.0), (2030, 30.0)], grdp["targets"]!.AsArray().Select(g => ((int)g!["year"]!, (double)g["value"]!)));
        var range = Find(list, "KTS-CN-CHE-BIEN-CHE-TAO")["targets"]![0]!;
        Assert.Equal((47.0, 50.0), ((double)range["value"]!, (double)range["max"]!));
        var databases = Find(list, "CQS-08-CSDL-NEN-TANG");
        Assert.Equal("count", (string?)databases["unit"]);
        Assert.Contains(databases["targets"]!.AsArray(), g => (int)g!["year"]! == 2023 && (double)g["value"]! == 8 && (bool)g["milestone"]!);
        Assert.Contains("Đất đai; cán bộ, công chức, viên chức; y tế; giáo dục; quy hoạch; du lịch; đầu tư công; giao thông", (string?)databases["text"], StringComparison.Ordinal);
        Assert.Equal([(2025, 50.0), (2030, 500.0)], Find(list, "KTS-DOANH-NGHIEP-SO")["targets"]!.AsArray().Select(g => ((int)g!["year"]!, (double)g["value"]!)));
        Assert.Equal([(2025, 95.0), (2030, 99.0)], Find(list, "XHS-TAI-KHOAN-THANH-TOAN")["targets"]!.AsArray().Select(g => ((int)g!["year"]!, (double)g["value"]!)));
        Assert.Equal([(2025, 50.0), (2030, 90.0)], Find(list, "CQS-GIAM-SAT-MOI-TRUONG-SO")["targets"]!.AsArray().Select(g => ((int)g!["year"]!, (double)g["value"]!)));
        Assert.Equal(95, (double)Find(list, "XHS-CAP-QUANG-HO-GIA-DINH")["targets"]![0]!["value"]!);
        Assert.Equal(80, (double)Find(list, "CQS-QUYET-DINH-DU-LIEU-LON")["targets"]![0]!["value"]!);
        Assert.Equal(2030, (int)Find(list, "XHS-KY-NANG-DVC-2030")["targets"]![0]!["year"]!);
        Assert.Equal(30, (double)Find(list, "KTS-DNVVN-UNG-DUNG")["targets"]![0]!["value"]!);
        Assert.Equal(12, list["items"]!.AsArray().Count(t => (string?)t!["area"] == "digital_government" && ((string)t["code"]!).StartsWith("CQS", StringComparison.Ordinal) && t["targets"]!.AsArray().Any(g => (int)g!["year"]! == 2025)));

        // The DTI "top 3": a rank, lower is better, with the province's history.
        var dti = Find(list, "DTI-TOP3");
        Assert.Equal(("rank", "down", 3.0), ((string?)dti["unit"], (string?)dti["direction"], (double)dti["targets"]![0]!["value"]!));
        Assert.Equal([(2020, 4.0), (2021, 7.0), (2022, 3.0)], dti["measurements"]!.AsArray().Select(m => ((int)m!["year"]!, (double)m["value"]!)));
        Assert.Equal("achieved", (string?)dti["status"]);
    }

    [Theory, Providers]
    public async Task TheSecretariatRecordsFiguresAndSeesWhichTargetsAreMetAndWhichAreOffTrack(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var grdp = await (await secretariat.GetAsync("/api/v1/targets/KTS-TY-TRONG-GRDP")).JsonAsync();
        await (await secretariat.PutJsonAsync("/api/v1/targets/KTS-TY-TRONG-GRDP", new { baseline = new { year = 2021, value = 8, source = "Cục Thống kê tỉnh, 2021" }, version = (int)grdp["version"]! })).JsonAsync();

        async Task Measure(string code, int year, double value) =>
            await (await secretariat.PostJsonAsync($"/api/v1/targets/{code}/measurements", new { year, value, source = $"Báo cáo năm {year} của Sở KH&CN" })).JsonAsync(HttpStatusCode.Created);
        await Measure("KTS-TY-TRONG-GRDP", 2024, 17);
        await Measure("KTS-TY-TRONG-GRDP", 2025, 21.5);
        await Measure("XHS-TAI-KHOAN-THANH-TOAN", 2025, 93);
        await Measure("KTS-DOANH-NGHIEP-SO", 2025, 62);
        await Measure("KTS-DOANH-NGHIEP-SO", 2026, 80);

        var progress = await (await secretariat.GetAsync("/api/v1/targets/progress?year=2026")).JsonAsync();
        JsonNode Item(string code) => progress["items"]!.AsArray().Single(i => (string?)i!["code"] == code)!;
        JsonNode Goal(string code, int year) => Item(code)["goals"]!.AsArray().Single(g => (int)g!["year"]! == year)!;

        // 2025 goals: met or missed.
        Assert.Equal("achieved", (string?)Goal("KTS-TY-TRONG-GRDP", 2025)["status"]);
        Assert.Equal("off_track", (string?)Goal("XHS-TAI-KHOAN-THANH-TOAN", 2025)["status"]);
        Assert.Equal("achieved", (string?)Goal("KTS-DOANH-NGHIEP-SO", 2025)["status"]);
        // 2030 goals in 2026: the line runs from the 2025 goal; 80 firms is far below the 140 the line needs.
        Assert.Equal(140, (double)Goal("KTS-DOANH-NGHIEP-SO", 2030)["expected"]!, 6);
        Assert.Equal("off_track", (string?)Goal("KTS-DOANH-NGHIEP-SO", 2030)["status"]);
        Assert.Equal((80.0 - 0) / 500, (double)Goal("KTS-DOANH-NGHIEP-SO", 2030)["progress"]!, 6);
        Assert.Equal(21.5 - 8, ((double)Goal("KTS-TY-TRONG-GRDP", 2030)["progress"]! * (30 - 8)), 6);
        Assert.Equal("no_data", (string?)Item("XHS-TRUONG-HOC-CDS")["status"]);
        Assert.Equal(29, ((JsonObject)progress["byStatus"]!).Sum(s => (int)s.Value!));

        var history = await (await secretariat.GetAsync("/api/v1/targets/KTS-DOANH-NGHIEP-SO")).JsonAsync();
        Assert.Equal([2025, 2026], history["measurements"]!.AsArray().Select(m => (int)m!["year"]!));
        Assert.Equal("thuongtruc", (string?)history["measurements"]![0]!["recordedBy"]);
    }

    [Theory, Providers]
    public async Task BadMeasurementsAreRefusedAndOnlyNamedAgenciesMayRecord(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var secretariat = await app.ClientAsync("thuongtruc");
        var health = await app.ClientAsync("soyte.baocao");

        await (await secretariat.PostJsonAsync("/api/v1/targets/XHS-Y-TE-SO/measurements", new { year = 1999, value = 50, source = "x nguồn" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PostJsonAsync("/api/v1/targets/XHS-Y-TE-SO/measurements", new { year = 2025, value = 101, source = "x nguồn" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PostJsonAsync("/api/v1/targets/XHS-Y-TE-SO/measurements", new { year = 2025, value = -1, source = "x nguồn" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PostJsonAsync("/api/v1/targets/DTI-TOP3/measurements", new { year = 2025, value = 2.5, source = "x nguồn" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PostJsonAsync("/api/v1/targets/NO-SUCH/measurements", new { year = 2025, value = 50, source = "x nguồn" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PostJsonAsync("/api/v1/targets/XHS-Y-TE-SO/measurements", new { year = 2025, value = 50 })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PostRawAsync("/api/v1/targets/XHS-Y-TE-SO/measurements", "{\"year\":\"năm nay\",\"value\":1,\"source\":\"x nguồn\"}")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.GetAsync("/api/v1/targets/progress?year=1900")).ProblemAsync(HttpStatusCode.BadRequest);

        await (await health.PostJsonAsync("/api/v1/targets/XHS-Y-TE-SO/measurements", new { year = 2025, value = 60, source = "Sở Y tế" })).ProblemAsync(HttpStatusCode.Forbidden);
        var target = await (await secretariat.GetAsync("/api/v1/targets/XHS-Y-TE-SO")).JsonAsync();
        await (await health.PutJsonAsync("/api/v1/targets/XHS-Y-TE-SO", new { responsibleUnitCodes = new[] { "SO-YT" }, version = (int)target["version"]! })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await secretariat.PutJsonAsync("/api/v1/targets/XHS-Y-TE-SO", new { responsibleUnitCodes = new[] { "SO-YT" }, version = (int)target["version"]! })).JsonAsync();
        await (await secretariat.PutJsonAsync("/api/v1/targets/XHS-Y-TE-SO", new { note = "cũ", version = (int)target["version"]! })).ProblemAsync(HttpStatusCode.Conflict);
        await (await health.PostJsonAsync("/api/v1/targets/XHS-Y-TE-SO/measurements", new { year = 2025, value = 60, source = "Sở Y tế, báo cáo y tế số 2025" })).JsonAsync(HttpStatusCode.Created);
        var baiChay = await app.ClientAsync("baichay.baocao");
        await (await baiChay.PostJsonAsync("/api/v1/targets/XHS-Y-TE-SO/measurements", new { year = 2025, value = 60, source = "Phường" })).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
