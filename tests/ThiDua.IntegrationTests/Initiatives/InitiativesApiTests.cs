using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using ThiDua.IntegrationTests.Infrastructure;
using ThiDua.Web.Data;
using ThiDua.Web.Data.Seed;

namespace ThiDua.IntegrationTests.Initiatives;

/// <summary>Initiatives and models (R14): the Secretariat's review, who may do what, and what the public sees.</summary>
public class InitiativesApiTests
{
    private const string BaiChay = "X2025-06673-BAICHAY";
    private const string Health = "SO-YT";

    internal static object Submission(string unitCode, string title, string kind = "model", string sector = "digital_government") => new
    {
        unitCode, kind, title, sector,
        description = "Tổ công nghệ số cộng đồng đến từng khu phố hướng dẫn người dân nộp hồ sơ trực tuyến và thanh toán không dùng tiền mặt.",
        authors = new object[] { new { fullName = "Trần Thị Mai", position = "Công chức Văn phòng – Thống kê" }, new { fullName = "Lê Văn Hùng" } },
        results = "Tỷ lệ hồ sơ trực tuyến toàn trình tăng từ 45 % lên 82 % sau 6 tháng.",
    };

    internal static async Task<int> SubmitAsync(HttpClient client, string unitCode, string title, string kind = "model", string sector = "digital_government")
    {
        var created = await (await client.PostJsonAsync("/api/v1/initiatives", Submission(unitCode, title, kind, sector))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("submitted", (string?)created["status"]);
        return (int)created["id"]!;
    }

    internal static async Task PublishAsync(HttpClient secretariat, int id)
    {
        await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/accept", null)).JsonAsync();
        await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/publish", null)).JsonAsync();
    }

    [Theory, Providers]
    public async Task ASubmissionIsReturnedCorrectedAcceptedPublishedAndFeatured(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var ward = await app.ClientAsync("baichay.baocao");
        var secretariat = await app.ClientAsync("thuongtruc");
        var visitor = app.CreateClient();

        var id = await SubmitAsync(ward, BaiChay, "Tổ công nghệ số cộng đồng phường Bãi Cháy");
        var returned = await (await secretariat.PostJsonAsync($"/api/v1/initiatives/{id}/return", new { reason = "Bổ sung số liệu kết quả theo từng quý." })).JsonAsync();
        Assert.Equal("returned", (string?)returned["status"]);
        Assert.Equal("Bổ sung số liệu kết quả theo từng quý.", (string?)returned["returnReason"]);
        await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/accept", null)).ProblemAsync(HttpStatusCode.Conflict);

        var read = await (await ward.GetAsync($"/api/v1/initiatives/{id}")).JsonAsync();
        var stale = (int)read["version"]! - 1;
        await (await ward.PutJsonAsync($"/api/v1/initiatives/{id}", Merge(Submission(BaiChay, "Tổ công nghệ số cộng đồng phường Bãi Cháy"), stale))).ProblemAsync(HttpStatusCode.Conflict);
        var corrected = await (await ward.PutJsonAsync($"/api/v1/initiatives/{id}", Merge(Submission(BaiChay, "Tổ công nghệ số cộng đồng phường Bãi Cháy (bổ sung)"), (int)read["version"]!))).JsonAsync();
        Assert.Equal("submitted", (string?)corrected["status"]);
        Assert.Null(corrected["returnReason"]);
        Assert.Equal(["Trần Thị Mai", "Lê Văn Hùng"], corrected["authors"]!.AsArray().Select(a => (string?)a!["fullName"]));

        var accepted = await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/accept", null)).JsonAsync();
        Assert.Equal("accepted", (string?)accepted["status"]);
        await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/feature", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await secretariat.PostJsonAsync($"/api/v1/initiatives/{id}/return", new { reason = "Trả lại sau khi đã chấp nhận." })).ProblemAsync(HttpStatusCode.Conflict);
        await (await ward.PutJsonAsync($"/api/v1/initiatives/{id}", Merge(Submission(BaiChay, "Sửa sau khi đã chấp nhận"), (int)accepted["version"]!))).ProblemAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain(id, await OpenIdsAsync(visitor));

        var published = await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/publish", null)).JsonAsync();
        Assert.Equal("published", (string?)published["status"]);
        var conflict = await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/publish", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("đã công bố", (string?)conflict["detail"], StringComparison.Ordinal);
        var featured = await (await secretariat.PostAsync($"/api/v1/initiatives/{id}/feature", null)).JsonAsync();
        Assert.True((bool)featured["featured"]!);

        var open = await (await visitor.GetAsync("/api/open/v1/initiatives")).JsonAsync();
        var first = open["items"]!.AsArray()[0]!;
        Assert.Equal(id, (int)first["id"]!);
        Assert.True((bool)first["featured"]!);
        Assert.Equal(BaiChay, (string?)first["unitCode"]);
        Assert.Contains("Bãi Cháy", (string?)first["unitName"], StringComparison.Ordinal);
        Assert.Equal("model", (string?)first["kind"]);
        Assert.Equal("digital_government", (string?)first["sector"]);
        Assert.Equal("Công chức Văn phòng – Thống kê", (string?)first["authors"]![0]!["position"]);
        Assert.Null(first["returnReason"]);
        Assert.Null(first["reviewedBy"]);
        var single = await (await visitor.GetAsync($"/api/open/v1/initiatives/{id}")).JsonAsync();
        Assert.Equal("Tổ công nghệ số cộng đồng phường Bãi Cháy (bổ sung)", (string?)single["title"]);
        var bySector = await (await visitor.GetAsync("/api/open/v1/initiatives?sector=health")).JsonAsync();
        Assert.DoesNotContain(id, bySector["items"]!.AsArray().Select(i => (int)i!["id"]!));
        await (await visitor.GetAsync("/api/open/v1/initiatives?sector=space")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task OnlyTheUnitAndTheSecretariatActAndAnotherUnitSeesNothing(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var ward = await app.ClientAsync("baichay.baocao");
        var wardLeader = await app.ClientAsync("baichay.lanhdao");
        var health = await app.ClientAsync("soyte.baocao");
        var inspector = await app.ClientAsync("thanhtra");
        var board = await app.ClientAsync("banthidua");
        var council = await app.ClientAsync("hoidong1");
        var secretariat = await app.ClientAsync("thuongtruc");

        var id = await SubmitAsync(ward, BaiChay, "Số hoá sổ hộ tịch phường Bãi Cháy", "initiative", "digital_society");
        var byLeader = await SubmitAsync(wardLeader, BaiChay, "Mô hình tổ dân phố số", "model", "digital_society");
        var bySecretariat = await SubmitAsync(secretariat, Health, "Bệnh án điện tử liên thông", "model", "health");

        // Another unit's record answers exactly as a missing one, for reads and writes.
        var other = await (await health.GetAsync($"/api/v1/initiatives/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await health.GetAsync("/api/v1/initiatives/987654")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((string?)missing["title"], (string?)other["title"]);
        await (await health.PutJsonAsync($"/api/v1/initiatives/{id}", Merge(Submission(BaiChay, "Sửa hộ đơn vị khác"), 0))).ProblemAsync(HttpStatusCode.NotFound);
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(DemoAssessmentSeeder.DemoPdf("Tai lieu")), "file", "tai-lieu.pdf" } })
        {
            await (await health.PostAsync($"/api/v1/initiatives/{id}/files", upload)).ProblemAsync(HttpStatusCode.NotFound);
        }
        var healthList = await (await health.GetAsync("/api/v1/initiatives")).JsonAsync();
        Assert.All(healthList["items"]!.AsArray(), i => Assert.Equal(Health, (string?)i!["unitCode"]));
        Assert.Contains(bySecretariat, healthList["items"]!.AsArray().Select(i => (int)i!["id"]!));

        // Wrong role or another unit's code: 403.
        await (await health.PostJsonAsync("/api/v1/initiatives", Submission(BaiChay, "Gửi thay đơn vị khác"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await inspector.PostJsonAsync("/api/v1/initiatives", Submission(BaiChay, "Thành viên đoàn kiểm tra gửi"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await board.PostAsync($"/api/v1/initiatives/{id}/accept", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await ward.PostAsync($"/api/v1/initiatives/{id}/accept", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await wardLeader.PostAsync($"/api/v1/initiatives/{byLeader}/publish", null)).ProblemAsync(HttpStatusCode.Forbidden);

        // Province-wide readers read every unit's; unknown codes and bad input are 400.
        var seen = await (await council.GetAsync($"/api/v1/initiatives/{id}")).JsonAsync();
        Assert.Equal("initiative", (string?)seen["kind"]);
        var filtered = await (await inspector.GetAsync($"/api/v1/initiatives?unitCode={BaiChay}&status=submitted&kind=model")).JsonAsync();
        Assert.Equal([byLeader], filtered["items"]!.AsArray().Select(i => (int)i!["id"]!));
        var searched = await (await inspector.GetAsync("/api/v1/initiatives?q=so%20hoa%20so%20ho%20tich")).JsonAsync();
        Assert.Equal([id], searched["items"]!.AsArray().Select(i => (int)i!["id"]!));
        await (await inspector.GetAsync("/api/v1/initiatives?status=draft")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await ward.PostRawAsync("/api/v1/initiatives", $$"""{"unitCode":"{{BaiChay}}","kind":"poem","title":"Thử loại sai","description":"Mô tả đủ dài để qua kiểm tra.","sector":"health"}""")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await ward.PostJsonAsync("/api/v1/initiatives", new { unitCode = BaiChay, kind = "model", title = "", description = "", sector = "health" })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await secretariat.PostJsonAsync($"/api/v1/initiatives/{id}/return", new { reason = "" })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, Providers]
    public async Task UnpublishedOnesNeverReachTheOpenDataOrThePublicPages(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var ward = await app.ClientAsync("baichay.baocao");
        var secretariat = await app.ClientAsync("thuongtruc");
        var visitor = app.CreateClient();
        var browser = await app.PageClientAsync(null);

        var submitted = await SubmitAsync(ward, BaiChay, "Sáng kiến đang chờ xem xét ABC");
        var returned = await SubmitAsync(ward, BaiChay, "Sáng kiến bị trả lại ABC");
        await (await secretariat.PostJsonAsync($"/api/v1/initiatives/{returned}/return", new { reason = "Chưa đủ kết quả." })).JsonAsync();
        var accepted = await SubmitAsync(ward, BaiChay, "Sáng kiến đã chấp nhận ABC");
        await (await secretariat.PostAsync($"/api/v1/initiatives/{accepted}/accept", null)).JsonAsync();
        var published = await SubmitAsync(ward, BaiChay, "Sáng kiến đã công bố ABC");
        await PublishAsync(secretariat, published);

        var ids = await OpenIdsAsync(visitor);
        Assert.Contains(published, ids);
        foreach (var hidden in new[] { submitted, returned, accepted })
        {
            Assert.DoesNotContain(hidden, ids);
            await (await visitor.GetAsync($"/api/open/v1/initiatives/{hidden}")).ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/cong-khai/sang-kien/{hidden}")).StatusCode);
        }
        var searched = await (await visitor.GetAsync($"/api/open/v1/initiatives?unitCode={BaiChay}&q=abc")).JsonAsync();
        Assert.Equal([published], searched["items"]!.AsArray().Select(i => (int)i!["id"]!));
        var gallery = await (await browser.GetAsync("/cong-khai/sang-kien")).Content.ReadAsStringAsync();
        Assert.Contains("Sáng kiến đã công bố ABC", gallery, StringComparison.Ordinal);
        Assert.DoesNotContain("Sáng kiến đang chờ xem xét ABC", gallery, StringComparison.Ordinal);
        Assert.DoesNotContain("Sáng kiến bị trả lại ABC", gallery, StringComparison.Ordinal);
        Assert.DoesNotContain("Sáng kiến đã chấp nhận ABC", gallery, StringComparison.Ordinal);
        var detail = await browser.GetAsync($"/cong-khai/sang-kien/{published}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);

        using var scope = app.Services.CreateScope();
        var forUnit = await scope.ServiceProvider.GetRequiredService<ThiDua.Web.Features.Initiatives.InitiativeService>().PublishedForUnitAsync(BaiChay);
        Assert.Contains(published, forUnit.Select(i => i.Id));
        Assert.DoesNotContain(forUnit, i => i.Id == submitted || i.Id == returned || i.Id == accepted);
    }

    [Theory, Providers]
    public async Task AnImageIsResizedWithASmallerThumbnailAndOnlyPublishedImagesArePublic(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var ward = await app.ClientAsync("baichay.baocao");
        var secretariat = await app.ClientAsync("thuongtruc");
        var visitor = app.CreateClient();
        var id = await SubmitAsync(ward, BaiChay, "Bản đồ số du lịch Bãi Cháy", "initiative", "tourism");

        var image = await UploadAsync(ward, id, Png(2400, 1800), "ban-do.png", "Bản đồ số trên điện thoại");
        Assert.True((bool)image["isImage"]!);
        Assert.Equal(1600, (int)image["width"]!);
        Assert.Equal(1200, (int)image["height"]!);
        var stored = Decode(await (await ward.GetAsync($"/api/v1/files/{(string)image["fileId"]!}")).Content.ReadAsByteArrayAsync());
        Assert.Equal((1600, 1200), (stored.Width, stored.Height));
        var thumbnailBytes = await (await ward.GetAsync($"/api/v1/files/{(string)image["thumbnailFileId"]!}")).Content.ReadAsByteArrayAsync();
        var thumbnail = Decode(thumbnailBytes);
        Assert.Equal((320, 240), (thumbnail.Width, thumbnail.Height));

        var pdf = await UploadAsync(ward, id, DemoAssessmentSeeder.DemoPdf("Thuyet minh"), "thuyet-minh.pdf", null);
        Assert.False((bool)pdf["isImage"]!);
        Assert.Null(pdf["thumbnailFileId"]);

        // Content decides, not the name: a "PNG" of garbage after the signature, and a text file, are refused.
        var fake = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(System.Text.Encoding.ASCII.GetBytes(new string('x', 500))).ToArray();
        await (await PostFileAsync(ward, id, fake, "anh.png")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await PostFileAsync(ward, id, System.Text.Encoding.UTF8.GetBytes("không phải ảnh"), "anh.jpg")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var imageUrl = $"/api/open/v1/initiatives/{id}/files/{(int)image["id"]!}";
        await (await visitor.GetAsync(imageUrl)).ProblemAsync(HttpStatusCode.NotFound);
        await (await visitor.GetAsync(imageUrl + "/thumbnail")).ProblemAsync(HttpStatusCode.NotFound);
        await PublishAsync(secretariat, id);
        var publicThumbnail = await visitor.GetAsync(imageUrl + "/thumbnail");
        Assert.Equal(HttpStatusCode.OK, publicThumbnail.StatusCode);
        Assert.Equal("image/jpeg", publicThumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal((320, 240), Decode(await publicThumbnail.Content.ReadAsByteArrayAsync()) is var t ? (t.Width, t.Height) : default);
        Assert.True(thumbnailBytes.Length < (await (await visitor.GetAsync(imageUrl)).Content.ReadAsByteArrayAsync()).Length);
        // The document of the dossier is not an image of the gallery.
        await (await visitor.GetAsync($"/api/open/v1/initiatives/{id}/files/{(int)pdf["id"]!}")).ProblemAsync(HttpStatusCode.NotFound);
        var open = await (await visitor.GetAsync($"/api/open/v1/initiatives/{id}")).JsonAsync();
        var images = open["images"]!.AsArray();
        Assert.Single(images);
        Assert.Equal(imageUrl + "/thumbnail", (string?)images[0]!["thumbnailUrl"]);
        Assert.Equal("Bản đồ số trên điện thoại", (string?)images[0]!["caption"]);
    }

    [Theory, Providers]
    public async Task APublishedInitiativeOfTheUnitIsEvidenceOfItsNomination(DatabaseProvider provider)
    {
        await using var app = await ThiDuaApp.StartAsync(provider);
        var ward = await app.ClientAsync("baichay.baocao");
        var health = await app.ClientAsync("soyte.baocao");
        var secretariat = await app.ClientAsync("thuongtruc");
        var nomination = (int)(await (await ward.PostJsonAsync("/api/v1/nominations", new
        {
            movementCode = "CDS-2022-2025", round = "annual", year = 2026, nomineeKind = "individual",
            person = new { fullName = "Trần Thị Mai", position = "Công chức", organization = "UBND phường Bãi Cháy", dateOfBirth = "1990-05-01" },
            award = "unit_certificate", achievements = "Tác giả mô hình tổ công nghệ số cộng đồng.",
        })).JsonAsync(HttpStatusCode.Created))["id"]!;
        var own = await SubmitAsync(ward, BaiChay, "Tổ công nghệ số cộng đồng");
        var foreign = await SubmitAsync(health, Health, "Bệnh án điện tử", "initiative", "health");
        await PublishAsync(secretariat, foreign);

        var url = $"/api/v1/nominations/{nomination}/initiatives";
        await (await ward.PostJsonAsync(url, new { initiativeId = own })).ProblemAsync(HttpStatusCode.Conflict);
        await PublishAsync(secretariat, own);
        var linked = await (await ward.PostJsonAsync(url, new { initiativeId = own })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(own, (int)linked["initiativeId"]!);
        await (await ward.PostJsonAsync(url, new { initiativeId = own })).ProblemAsync(HttpStatusCode.Conflict);
        await (await ward.PostJsonAsync(url, new { initiativeId = foreign })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await ward.PostJsonAsync(url, new { initiativeId = 987654 })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await health.GetAsync(url)).ProblemAsync(HttpStatusCode.NotFound);
        await (await health.PostJsonAsync(url, new { initiativeId = foreign })).ProblemAsync(HttpStatusCode.NotFound);

        var list = await (await ward.GetAsync(url)).JsonAsync();
        Assert.Equal([own], list.AsArray().Select(l => (int)l!["initiativeId"]!));
        Assert.Equal(HttpStatusCode.NoContent, (await ward.DeleteAsync($"{url}/{own}")).StatusCode);
        await (await ward.DeleteAsync($"{url}/{own}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await ward.GetAsync(url)).JsonAsync()).AsArray());
    }

    private static JsonObject Merge(object submission, int version)
    {
        var node = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(submission, HttpExtensions.Json))!.AsObject();
        node["version"] = version;
        return node;
    }

    private static async Task<List<int>> OpenIdsAsync(HttpClient visitor) =>
        (await (await visitor.GetAsync("/api/open/v1/initiatives?pageSize=500")).JsonAsync())["items"]!.AsArray().Select(i => (int)i!["id"]!).ToList();

    private static Task<HttpResponseMessage> PostFileAsync(HttpClient client, int id, byte[] content, string name, string? caption = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        if (caption is not null)
        {
            form.Add(new StringContent(caption), "caption");
        }
        return client.PostAsync($"/api/v1/initiatives/{id}/files", form);
    }

    private static async Task<JsonNode> UploadAsync(HttpClient client, int id, byte[] content, string name, string? caption) =>
        await (await PostFileAsync(client, id, content, name, caption)).JsonAsync(HttpStatusCode.Created);

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Gold, IsAntialias = true };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static (int Width, int Height) Decode(byte[] content)
    {
        using var bitmap = SKBitmap.Decode(content);
        Assert.NotNull(bitmap);
        return (bitmap.Width, bitmap.Height);
    }
}
