using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditKeyedChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "outcome",
                schema: "kernel",
                table: "audit_entries",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "archived_hash",
                schema: "kernel",
                table: "audit_chain_head",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "archived_through",
                schema: "kernel",
                table: "audit_chain_head",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "key_fingerprint",
                schema: "kernel",
                table: "audit_chain_head",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "keyed_from",
                schema: "kernel",
                table: "audit_chain_head",
                type: "bigint",
                nullable: true);

            migrationBuilder.UpdateData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 1,
                columns: new[] { "archived_hash", "archived_through", "key_fingerprint", "keyed_from" },
                values: new object[] { null, 0L, null, null });

            // Archiving (AuditArchiver) is the one way a line leaves the log: a DELETE passes only for lines at or below
            // the boundary the chain head records, written first in the same transaction; UPDATE and TRUNCATE stay
            // refused. The boundary only moves forward and never past the head. (A database owner can drop all of this;
            // the checkpoints outside the database are what catches that: ADR 3.)
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION kernel.audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        IF OLD.sequence <= (SELECT archived_through FROM kernel.audit_chain_head WHERE id = 1) THEN
                            RETURN OLD;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'the audit log is append-only';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION kernel.audit_chain_head_boundary() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.archived_through < OLD.archived_through OR NEW.archived_through > NEW.last_sequence THEN
                        RAISE EXCEPTION 'the audit archive boundary only moves forward, and not past the head';
                    END IF;
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_chain_head_boundary BEFORE UPDATE OF archived_through ON kernel.audit_chain_head
                FOR EACH ROW EXECUTE FUNCTION kernel.audit_chain_head_boundary();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_chain_head_boundary ON kernel.audit_chain_head;");
            migrationBuilder.Sql("DROP FUNCTION kernel.audit_chain_head_boundary();");
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION kernel.audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only';
                END $$;
                """);

            migrationBuilder.DropColumn(
                name: "outcome",
                schema: "kernel",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "archived_hash",
                schema: "kernel",
                table: "audit_chain_head");

            migrationBuilder.DropColumn(
                name: "archived_through",
                schema: "kernel",
                table: "audit_chain_head");

            migrationBuilder.DropColumn(
                name: "key_fingerprint",
                schema: "kernel",
                table: "audit_chain_head");

            migrationBuilder.DropColumn(
                name: "keyed_from",
                schema: "kernel",
                table: "audit_chain_head");
        }
    }
}
