namespace ThiDua.Core.Assessment;

/// <summary>
/// The band "Tốt" (good) of a framework: where it begins is data of the framework (0.85 of the scale in the
/// province's frameworks, R7), and the rules that need "a good result" — reward eligibility — read it from there.
/// </summary>
public static class GoodBand
{
    public const string Name = "Tốt";

    /// <summary>The score out of 100 from which the framework's band "Tốt" begins; null when it has no such band.</summary>
    public static double? From100(FrameworkDefinition framework) =>
        framework.Bands.FirstOrDefault(b => string.Equals(b.Name.Trim().Normalize(System.Text.NormalizationForm.FormC), Name, StringComparison.OrdinalIgnoreCase)) is { } band
            ? band.MinFraction * 100
            : null;
}
