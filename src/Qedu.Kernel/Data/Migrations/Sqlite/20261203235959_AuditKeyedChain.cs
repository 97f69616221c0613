using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditKeyedChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "kernel_audit_entries",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "archived_hash",
                table: "kernel_audit_chain_head",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "archived_through",
                table: "kernel_audit_chain_head",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "key_fingerprint",
                table: "kernel_audit_chain_head",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "keyed_from",
                table: "kernel_audit_chain_head",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 1,
                columns: new[] { "archived_hash", "archived_through", "key_fingerprint", "keyed_from" },
                values: new object[] { null, 0L, null, null });

            // Archiving (AuditArchiver) is the one way a line leaves the log: a DELETE passes only for lines at or below
            // the boundary the chain head records, written first in the same transaction; UPDATE stays refused. The
            // boundary only moves forward and never past the head. (Whoever can write the file can drop all of this;
            // the checkpoints outside the database are what catches that: ADR 3.)
            migrationBuilder.Sql("DROP TRIGGER kernel_audit_entries_no_delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER kernel_audit_entries_no_delete BEFORE DELETE ON kernel_audit_entries
                WHEN OLD.sequence > (SELECT archived_through FROM kernel_audit_chain_head WHERE id = 1)
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER kernel_audit_chain_head_boundary BEFORE UPDATE OF archived_through ON kernel_audit_chain_head
                WHEN NEW.archived_through < OLD.archived_through OR NEW.archived_through > NEW.last_sequence
                BEGIN SELECT RAISE(ABORT, 'the audit archive boundary only moves forward, and not past the head'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER kernel_audit_chain_head_boundary;");
            migrationBuilder.Sql("DROP TRIGGER kernel_audit_entries_no_delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER kernel_audit_entries_no_delete BEFORE DELETE ON kernel_audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);

            migrationBuilder.DropColumn(
                name: "outcome",
                table: "kernel_audit_entries");

            migrationBuilder.DropColumn(
                name: "archived_hash",
                table: "kernel_audit_chain_head");

            migrationBuilder.DropColumn(
                name: "archived_through",
                table: "kernel_audit_chain_head");

            migrationBuilder.DropColumn(
                name: "key_fingerprint",
                table: "kernel_audit_chain_head");

            migrationBuilder.DropColumn(
                name: "keyed_from",
                table: "kernel_audit_chain_head");
        }
    }
}
