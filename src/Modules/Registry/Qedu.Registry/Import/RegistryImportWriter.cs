using Qedu.Kernel.Files;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Qedu.Registry.Data;
using Qedu.Registry.Domain;
using Qedu.Registry.Kinds;
using Qedu.Registry.Records;

namespace Qedu.Registry.Import;

/// <summary>
/// Pass 2 of <see cref="RegistryImporter"/>, once every row has passed: the files read again and written in batches
/// through <see cref="RegistryBulkWriter"/> (a reader and a writer side by side), in one transaction.
/// </summary>
internal sealed class RegistryImportWriter(RegistryImportRun run)
{
    private readonly RegistryImportReader _reader = new(run);

    private RegistryDb Db => run.Db;

    public async Task<IReadOnlyDictionary<string, long>> WriteAsync(CancellationToken ct)
    {
        var total = run.Rows.Sum();
        long done = 0;
        await using var session = await run.Bulk.BeginAsync(ct);
        long profiles = 0;
        for (var file = 0; file < run.Sources.Count; file++)
        {
            var source = run.Sources[file];
            // Reading and parsing run beside the writing (two cores: one parses while the database takes a batch).
            var batches = Channel.CreateBounded<List<(SchoolRecord Record, int School)>>(
                new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reading = Task.Run(() => ReadBatchesAsync(file, batches.Writer, stop.Token), stop.Token);
            long rows = 0;
            try
            {
                await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                {
                    profiles += await WriteBatchAsync(session, batch, ct);
                    done += batch.Count;
                    rows += batch.Count;
                    run.Report(ImportPhase.Write, source.FileName, rows, run.Rows[file], 0.5 + 0.5 * done / Math.Max(1, total));
                }
            }
            finally
            {
                await stop.CancelAsync();
                try
                {
                    await reading;
                }
                catch (OperationCanceledException)
                {
                    // The writer stopped first; its own exception is the one that matters.
                }
            }
        }
        var written = new Dictionary<string, long>(session.Counts, StringComparer.Ordinal);
        if (profiles > 0)
        {
            written[nameof(SchoolProfile)] = profiles;
        }
        var details = $"import {string.Join(", ", run.Sources.Select((s, i) => $"{s.FileName} ({RecordKinds.Name(s.Kind)}, {run.Rows[i]} rows)"))}: "
            + string.Join(", ", written.Select(w => $"{w.Key}={w.Value}"));
        await session.CommitAsync("RegistryImport", details, ct);
        return written;
    }

    /// <summary>Pass 2's reader: the file again, in batches; any row that no longer reads as it did in pass 1 stops the import.</summary>
    private async Task ReadBatchesAsync(int file, ChannelWriter<List<(SchoolRecord Record, int School)>> output, CancellationToken ct)
    {
        try
        {
            var source = run.Sources[file];
            var batch = new List<(SchoolRecord Record, int School)>(run.Options.BatchSize);
            long rows = 0;
            await foreach (var (record, _, _, errors) in _reader.RowsAsync(file, firstPass: false).WithCancellation(ct))
            {
                if (record is null || errors.Count > 0 || !run.Schools.TryGetValue(record.SchoolCode, out var school))
                {
                    throw new TableFileException(run.Context.Message("File.Changed", source.FileName));
                }
                batch.Add((record, school.Id));
                rows++;
                if (batch.Count >= run.Options.BatchSize)
                {
                    await output.WriteAsync(batch, ct);
                    batch = new List<(SchoolRecord Record, int School)>(run.Options.BatchSize);
                }
            }
            if (rows != run.Rows[file])
            {
                throw new TableFileException(run.Context.Message("File.Changed", source.FileName));
            }
            if (batch.Count > 0)
            {
                await output.WriteAsync(batch, ct);
            }
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    /// <summary>Writes one batch of valid records; returns how many school profiles it wrote (they go through EF Core: they have no change feed).</summary>
    private async Task<long> WriteBatchAsync(RegistryBulkWriter.BulkSession session, List<(SchoolRecord Record, int School)> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        switch (batch[0].Record)
        {
            case SchoolProfileRecord:
                Db.SchoolProfiles.AddRange(batch.Select(b => (SchoolProfileRecord)b.Record).Select((r, i) => new SchoolProfile
                {
                    OrgUnitId = batch[i].School, Address = r.Address, Latitude = r.Latitude, Longitude = r.Longitude,
                    CapacitySeats = r.CapacitySeats, Phone = r.Phone, Website = r.Website,
                }));
                await Db.SaveChangesAsync(ct);
                Db.ChangeTracker.Clear();
                return batch.Count;

            case StaffRecord:
            {
                var rows = batch.Select(b => StaffKind.ToEntity((StaffRecord)b.Record, b.School)).ToList();
                await session.InsertAsync(rows, ct);
                foreach (var s in rows)
                {
                    run.Staff[(s.OrgUnitId, s.StaffNumber)] = s.Id;
                }
                return 0;
            }

            case ClassRecord:
            {
                var rows = new List<SchoolClass>(batch.Count);
                foreach (var (record, school) in batch)
                {
                    var r = (ClassRecord)record;
                    long? teacher = r.HeadTeacherNumber is not { } number ? null
                        : run.Staff.TryGetValue((school, number), out var imported) && imported > 0 ? imported
                        : run.DbStaff[school][number];
                    rows.Add(ClassKind.ToEntity(r, school, teacher));
                }
                await session.InsertAsync(rows, ct);
                foreach (var c in rows)
                {
                    run.Classes[(c.OrgUnitId, c.Code)].Id = c.Id;
                }
                return 0;
            }

            case AssetRecord:
                await session.InsertAsync(batch.Select(b => AssetKind.ToEntity((AssetRecord)b.Record, b.School)).ToList(), ct);
                return 0;

            case TeachingRecord:
            {
                var rows = new List<TeachingAssignment>(batch.Count);
                foreach (var (record, school) in batch)
                {
                    var r = (TeachingRecord)record;
                    var classId = run.Classes.TryGetValue((school, r.ClassCode), out var imported) ? imported.Id : run.DbClasses[school][r.ClassCode].Id;
                    var staffId = run.Staff.TryGetValue((school, r.StaffNumber), out var importedStaff) && importedStaff > 0
                        ? importedStaff
                        : run.DbStaff[school][r.StaffNumber];
                    rows.Add(new TeachingAssignment { OrgUnitId = school, ClassId = classId, StaffId = staffId, Subject = r.Subject });
                }
                await session.InsertAsync(rows, ct);
                return 0;
            }

            case StudentRecord:
            {
                var students = new List<Student>(batch.Count);
                var classes = new List<(long? Id, int? EntryYear)>(batch.Count);
                foreach (var (record, school) in batch)
                {
                    var r = (StudentRecord)record;
                    (long? Id, int? EntryYear) c = (null, null);
                    if (r.ClassCode is { } code)
                    {
                        var (id, year) = run.Classes.TryGetValue((school, code), out var imported)
                            ? (imported.Id, imported.EntryYear)
                            : run.DbClasses[school][code];
                        c = (id, year);
                    }
                    students.Add(StudentKind.ToEntity(r, school, c.Id));
                    classes.Add(c);
                }
                await session.InsertAsync(students, ct);
                var enrolments = new List<Enrolment>(batch.Count);
                var guardians = new List<Guardian>(batch.Count * 2);
                for (var i = 0; i < students.Count; i++)
                {
                    var r = (StudentRecord)batch[i].Record;
                    guardians.AddRange(r.Guardians.Select(g => GuardianKind.ToEntity(g, students[i])));
                    // As the student commands do: only an enrolled student (在读) has an open enrolment; a suspended or
                    // departed one has none until they come back.
                    if (students[i].StatusCode != StudentStatuses.Enrolled)
                    {
                        continue;
                    }
                    var from = r.EnrolledOn ?? (classes[i].EntryYear is int year ? new DateOnly(year, 9, 1) : run.Context.Today);
                    enrolments.Add(new Enrolment
                    {
                        StudentId = students[i].Id, OrgUnitId = students[i].OrgUnitId, ClassId = classes[i].Id, From = from,
                        EntryReasonCode = r.EntryReasonCode,
                    });
                }
                await session.InsertAsync(enrolments, ct);
                await session.InsertAsync(guardians, ct);
                return 0;
            }
        }
        throw new InvalidOperationException(batch[0].Record.GetType().Name);
    }
}
