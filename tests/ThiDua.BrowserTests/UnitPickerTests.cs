using Microsoft.Playwright;

namespace ThiDua.BrowserTests;

/// <summary>Pick, don't type (issue 15): units are found by name typed without diacritics and ticked, not typed as codes.</summary>
public sealed class UnitPickerTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task AClusterIsMadeOfUnitsFoundByTypingWithoutDiacritics()
    {
        var page = await app.SignInAsync("thuongtruc");
        await page.GotoAsync($"{app.BaseUrl}/cum-khoi");
        await page.GetByLabel("Mã", new() { Exact = true }).FillAsync("CUM-TIM");
        await page.GetByLabel("Tên", new() { Exact = true }).FillAsync("Cụm tìm không dấu");

        var search = page.GetByLabel("Các đơn vị thành viên", new() { Exact = true });
        await search.FillAsync("bai chay");
        var baiChay = page.GetByRole(AriaRole.Checkbox, new() { Name = "Phường Bãi Cháy", Exact = true });
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Sở Y tế", Exact = true })).ToBeHiddenAsync();
        await baiChay.CheckAsync();
        await search.FillAsync("so y te");
        await Assertions.Expect(baiChay).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Sở Y tế", Exact = true }).CheckAsync();
        // The chosen units stay in view, each with a button to drop it.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bỏ chọn Phường Bãi Cháy" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bỏ chọn Sở Y tế" })).ToBeVisibleAsync();
        // Enter in the search box does not post the form; with one match it ticks it.
        await search.FillAsync("tuan chau");
        await search.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bỏ chọn Phường Tuần Châu" })).ToBeVisibleAsync();
        Assert.EndsWith("/cum-khoi", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ chọn Phường Tuần Châu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bỏ chọn Phường Tuần Châu" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã thêm Cụm tìm không dấu.")).ToBeVisibleAsync();
        var card = page.Locator(".card", new() { HasText = "Cụm tìm không dấu" }).Last;
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Phường Bãi Cháy" })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Sở Y tế" })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
    }
}
