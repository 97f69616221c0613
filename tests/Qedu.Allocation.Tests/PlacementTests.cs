using Qedu.Allocation.Tests.Support;

namespace Qedu.Allocation.Tests;

/// <summary>Placement of the unplaced (统筹): the nearest program with a free seat, as a separate step.</summary>
public class PlacementTests
{
    // Programs on a line: N at x=0 (full after allocation), M at x=10 (one seat left), F at x=30 (plenty).
    private static AllocationResult Allocate() => new Case()
        .Program("N", 1).Program("M", 1).Program("F", 5)
        .Applicant("Top", "N", 100m)
        .Applicant("U1", "N", 90m)
        .Applicant("U2", "N", 80m)
        .Applicant("U3", "N", 70m)
        .Applicant("Lost", "N", 60m)
        .Run(Mechanism.DeferredAcceptance).Result;

    private static readonly Location[] ProgramLocations = [new(0, 0), new(10, 0), new(30, 0)];

    [Fact]
    public void Unplaced_applicants_go_to_the_nearest_program_with_a_seat_in_serial_order()
    {
        AllocationResult result = Allocate();
        // Everyone lives at x=1; U1 (90) comes first in the serial order and takes M's last seat, U2 goes on to F.
        Location?[] homes = [new(1, 0), new(1, 0), new(1, 0), new(1, 0), null];

        PlacementResult placement = Placement.PlaceUnplaced(result, ProgramLocations, homes);

        AllocationProblem problem = result.Problem;
        string? ProgramOf(string id)
        {
            int p = placement.GetProgram(problem.FindApplicant(id));
            return p < 0 ? null : problem.GetProgramId(p);
        }

        Assert.Equal("N", ProgramOf("Top")); // the allocation itself is kept
        Assert.Equal("M", ProgramOf("U1"));
        Assert.Equal("F", ProgramOf("U2"));
        Assert.Equal("F", ProgramOf("U3"));
        Assert.Null(ProgramOf("Lost")); // no location: stays unplaced
        Assert.Equal(["U1", "U2", "U3"], placement.Placed.Select(x => problem.GetApplicantId(x.Applicant)));
        Assert.Equal([9.0, 29.0, 29.0], placement.Placed.Select(x => x.Distance));
        Assert.Equal(-1, result.GetProgram(problem.FindApplicant("U1"))); // a separate step: the result is unchanged
    }

    [Fact]
    public void Straight_line_distance_decides_and_equal_distances_go_to_the_smaller_program_id()
    {
        AllocationResult result = new Case()
            .Program("Full", 0).Program("Q", 2).Program("P", 2)
            .Applicant("A", "Full", 2m).Applicant("B", "Full", 1m)
            .Run(Mechanism.SerialDictatorship).Result;

        // Q at (3, 4) and P at (5, 0) are both 5 away from the origin: P wins on its id.
        PlacementResult placement = Placement.PlaceUnplaced(result, [new(0, 0), new(3, 4), new(5, 0)], [new(0, 0), new(3, 3.5)]);

        Assert.Equal("P", result.Problem.GetProgramId(placement.GetProgram(0)));
        Assert.Equal("Q", result.Problem.GetProgramId(placement.GetProgram(1)));
        Assert.Equal(5.0, placement.Placed[0].Distance);
    }

    [Fact]
    public void Programs_can_be_closed_to_placement()
    {
        AllocationResult result = Allocate();
        Location?[] homes = [new(1, 0), new(1, 0), null, null, null];
        int m = result.Problem.FindProgram("M");

        PlacementResult placement = Placement.PlaceUnplaced(result, ProgramLocations, homes, isOpen: p => p != m);

        Assert.Equal("F", result.Problem.GetProgramId(placement.GetProgram(result.Problem.FindApplicant("U1"))));
    }

    [Fact]
    public void Nobody_is_placed_when_no_seat_is_left()
    {
        AllocationResult result = new Case().Program("X", 1).Applicant("A", "X", 2m).Applicant("B", "X", 1m)
            .Run(Mechanism.DeferredAcceptance).Result;

        PlacementResult placement = Placement.PlaceUnplaced(result, [new(0, 0)], [new(0, 0), new(0, 0)]);

        Assert.Empty(placement.Placed);
        Assert.Equal(-1, placement.GetProgram(1));
    }

    [Fact]
    public void Locations_must_match_the_problem_and_be_finite()
    {
        AllocationResult result = Allocate();
        Assert.Throws<ArgumentException>(() => Placement.PlaceUnplaced(result, [new(0, 0)], new Location?[5]));
        Assert.Throws<ArgumentException>(() => Placement.PlaceUnplaced(result, ProgramLocations, new Location?[4]));
        Assert.Throws<ArgumentException>(() =>
            Placement.PlaceUnplaced(result, [new(0, 0), new(double.NaN, 0), new(1, 1)], new Location?[5]));
    }
}
