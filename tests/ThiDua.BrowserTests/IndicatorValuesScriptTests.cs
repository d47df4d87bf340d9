using System.Text.Json;
using System.Text.Json.Nodes;

namespace ThiDua.BrowserTests;

/// <summary>
/// The browser's reading of typed values (wwwroot/js/indicator-values.js, what the form's running score uses) run in
/// Chromium against the shared cases of tests/vectors/indicator-values.json — the same cases the engine is tested on.
/// </summary>
public sealed class IndicatorValuesScriptTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TheFormsScriptScoresEverySharedCaseAsTheEngineDoes()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "vectors", "indicator-values.json"));
        var vectors = JsonNode.Parse(text)!;
        var page = await (await app.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/dang-nhap");
        await page.AddScriptTagAsync(new() { Url = "/js/indicator-values.js" });

        // Each case: the points the script gives, or null when it refuses the text.
        var results = await page.EvaluateAsync<JsonElement>("""
            text => {
              const v = JSON.parse(text);
              return v.cases.map(c => {
                const indicator = v.indicators[c.indicator];
                const value = ThiDuaValues.read(indicator.rule, indicator.maxPoints, c.text, !!c.percentBox);
                return value.error ? null : ThiDuaValues.points(indicator.rule, indicator.maxPoints, value.raw);
              });
            }
            """, text);

        var cases = vectors["cases"]!.AsArray();
        Assert.Equal(cases.Count, results.GetArrayLength());
        for (var k = 0; k < cases.Count; k++)
        {
            var c = cases[k]!;
            var got = results[k];
            var label = $"{c["indicator"]} '{c["text"]}'{((bool?)c["percentBox"] == true ? " (ô %)" : "")}";
            if ((bool?)c["error"] == true)
            {
                Assert.True(got.ValueKind == JsonValueKind.Null, $"{label}: the script should refuse it, gave {got}.");
            }
            else
            {
                Assert.True(got.ValueKind == JsonValueKind.Number, $"{label}: the script refused it.");
                Assert.True(Math.Abs((double)c["points"]! - got.GetDouble()) < 1e-9, $"{label}: expected {c["points"]} points, the script gave {got}.");
            }
        }
    }
}
