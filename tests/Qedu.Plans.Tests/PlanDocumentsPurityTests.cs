using NetArchTest.Rules;
using Qedu.PlanDocuments;

namespace Qedu.Plans.Tests;

/// <summary>
/// The plan document parser is a pure library (docs/ARCHITECTURE.md), like Qedu.Allocation: bytes or text in, a
/// PlanDocument out. No database, no web, no files or network (it reads only the bytes it is given), no clock, and
/// none of the application's own assemblies, so it can be tested, benchmarked or reused on its own.
/// </summary>
public class PlanDocumentsPurityTests
{
    [Fact]
    public void The_parser_touches_no_files_network_database_web_clock_or_application_code()
    {
        var parser = typeof(PlanDocumentParser).Assembly;

        // System.IO.MemoryStream is how OpenXml reads the bytes it is given; anything else under System.IO is not.
        // System.Environment is not listed: every iterator (yield) uses Environment.CurrentManagedThreadId.
        TestResult result = Types.InAssembly(parser).ShouldNot().HaveDependencyOnAny(
                "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.Path", "System.Net",
                "System.Console", "System.DateTime", "System.DateTimeOffset", "System.TimeProvider",
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Qedu.Kernel", "Qedu.Plans")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        // The base library and OpenXml (the .docx reader), nothing else.
        Assert.All(parser.GetReferencedAssemblies(), a => Assert.True(
            a.Name!.StartsWith("System.", StringComparison.Ordinal) || a.Name.StartsWith("DocumentFormat.OpenXml", StringComparison.Ordinal),
            $"The parser references {a.Name}."));
    }

    [Fact]
    public void The_purity_rule_sees_a_dependency_that_exists()
    {
        // The parser reads .docx through OpenXml: the same matching must find that, or the rule above checks nothing.
        var result = Types.InAssembly(typeof(PlanDocumentParser).Assembly).ShouldNot().HaveDependencyOn("DocumentFormat.OpenXml").GetResult();

        Assert.False(result.IsSuccessful);
    }
}
