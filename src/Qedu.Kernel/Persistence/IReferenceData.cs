namespace Qedu.Kernel.Persistence;

/// <summary>
/// Data a module ships with its code and every database must hold (a catalogue's first items, limits a procedure reads),
/// brought in by <see cref="DatabaseMigrator"/> after every migration, like the kernel's code lists and calendar. It adds
/// only what is missing and never overwrites what the users changed, so it is safe to run at every start. Register as
/// scoped: <c>services.AddScoped&lt;IReferenceData, MyDefaults&gt;()</c>.
/// </summary>
public interface IReferenceData
{
    /// <summary>What the log calls it.</summary>
    string Name { get; }

    /// <summary>Adds what is missing; returns how many records it added.</summary>
    Task<int> EnsureAsync(CancellationToken ct);
}
