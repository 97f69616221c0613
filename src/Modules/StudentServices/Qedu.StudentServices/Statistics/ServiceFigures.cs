namespace Qedu.StudentServices.Statistics;

/// <summary>
/// The figures of a group of finished changes (a unit's, an item's) and the ratings given to them: volume, 即办 (done on
/// the day asked), 零跑腿 (asked online by the guardian), mean working days, within the legal and the promised limit, and
/// satisfaction (ratings of 4 or 5 are good: 好评).
/// </summary>
internal sealed record ServiceFigures(
    int Completed, int Immediate, int ZeroTrip, int WithinLegal, int WithinPromised, double? MeanWorkingDays, int Rated, int RatedGood, double? MeanScore)
{
    /// <summary>A rating at or above this is good (好评).</summary>
    public const int GoodAtLeast = 4;

    public static ServiceFigures Of(IReadOnlyCollection<CompletedChange> changes, IReadOnlyCollection<GivenRating> ratings) =>
        new(changes.Count, changes.Count(c => c.WorkingDays == 0), changes.Count(c => c.Online), changes.Count(c => c.WithinLegal),
            changes.Count(c => c.WithinPromised), changes.Count == 0 ? null : changes.Average(c => c.WorkingDays),
            ratings.Count, ratings.Count(r => r.Score >= GoodAtLeast), ratings.Count == 0 ? null : ratings.Average(r => r.Score));

    /// <summary><paramref name="part"/> of the completed changes, 0 to 1; null with none.</summary>
    public double? Share(int part) => Completed == 0 ? null : (double)part / Completed;

    /// <summary>The share of good ratings (好评率), 0 to 1; null with none.</summary>
    public double? Satisfaction => Rated == 0 ? null : (double)RatedGood / Rated;
}
