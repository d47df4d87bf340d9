using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Core.Errors;

namespace ThiDua.UnitTests.Assessment;

/// <summary>
/// The shared cases of tests/vectors/indicator-values.json against the engine: text read by <see cref="IndicatorText"/>
/// and <see cref="CompiledFramework.ParseText"/>, then scored. The browser's script runs the same cases.
/// </summary>
public class IndicatorTextVectorTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Indicator(double MaxPoints, RuleDefinition Rule);

    private sealed record Case(string Indicator, string Text, bool PercentBox, double? Points, bool Error);

    private sealed record Vectors(Dictionary<string, Indicator> Indicators, List<Case> Cases);

    private static readonly Vectors File = JsonSerializer.Deserialize<Vectors>(
        System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "indicator-values.json")), Json)!;

    private static readonly CompiledFramework Framework = new(new FrameworkDefinition
    {
        Code = "VECTORS", Name = "Các trường hợp đọc giá trị", Year = 2025, UnitType = "commune", ScaleMax = File.Indicators.Values.Sum(i => i.MaxPoints),
        Bands = [new() { Name = "Tốt", MinFraction = 0.85 }],
        Groups = [new()
        {
            Code = "G", Name = "Tất cả",
            Indicators = File.Indicators.Select(kv => new IndicatorDefinition { Code = kv.Key, Name = kv.Key, MaxPoints = kv.Value.MaxPoints, Rule = kv.Value.Rule }).ToList(),
        }],
    });

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, File.Cases.Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public void TypedTextScoresAsTheSharedCaseSays(int number)
    {
        var c = File.Cases[number];
        var i = Framework.IndexOf(c.Indicator);
        if (c.Error)
        {
            var fault = Assert.Throws<DomainException>(() => Framework.ParseText(i, c.Text, c.PercentBox));
            Assert.StartsWith($"Chỉ tiêu {c.Indicator}:", fault.Message, StringComparison.Ordinal);
            return;
        }
        var (raw, _) = Framework.ParseText(i, c.Text, c.PercentBox);
        Assert.Equal(c.Points!.Value, Framework.Points(i, raw), 9);
    }

    [Fact]
    public void EveryIndicatorKindHasCasesAndBothVerdicts()
    {
        Assert.Equal(Enum.GetValues<RuleKind>().Select(k => k.Code()).Order(), File.Indicators.Values.Select(i => i.Rule.Kind).Distinct().Order());
        Assert.Contains(File.Cases, c => c.Error);
        Assert.Contains(File.Cases, c => c.Points > 0);
    }

    [Fact]
    public void ABareRatioAboveOneIsRefusedWhereTheFormsPercentBoxReadsItAsAPercentage()
    {
        var i = Framework.IndexOf("R");

        var cell = Assert.Throws<DomainException>(() => Framework.ParseText(i, "75"));
        Assert.Contains("75 %", cell.Message, StringComparison.Ordinal);
        Assert.Equal(0.75, Framework.ParseText(i, "75", percentBox: true).Raw, 9);
        Assert.Equal(Framework.ParseText(i, "75 %").Raw, Framework.ParseText(i, "75", percentBox: true).Raw, 9);
    }

    [Fact]
    public void TheApiRefusesABareRatioAboveOneAsWellAndReadsTextTheWayPeopleWriteIt()
    {
        var i = Framework.IndexOf("R");

        Assert.Throws<DomainException>(() => Framework.ParseValue(i, JsonDocument.Parse("75").RootElement));
        Assert.Equal(0.75, Framework.Read(i, JsonDocument.Parse("\"75 %\"").RootElement).Raw, 9);
        Assert.Equal("0.75", Framework.Read(i, JsonDocument.Parse("\"75 %\"").RootElement).Json);
    }
}
