using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Qedu.Kernel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "last_sequence",
                schema: "kernel",
                table: "audit_chain_head",
                newName: "last_position");

            migrationBuilder.CreateSequence(
                name: "audit_sequence",
                schema: "kernel");

            migrationBuilder.AddColumn<int>(
                name: "chain",
                schema: "kernel",
                table: "audit_entries",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<long>(
                name: "position",
                schema: "kernel",
                table: "audit_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.InsertData(
                schema: "kernel",
                table: "audit_chain_head",
                columns: new[] { "id", "archived_hash", "archived_through", "key_fingerprint", "keyed_from", "last_hash", "last_position" },
                values: new object[,]
                {
                    { 2, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 3, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 4, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 5, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 6, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 7, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 8, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 9, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 10, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 11, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 12, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 13, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 14, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 15, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 16, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 17, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 18, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 19, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 20, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 21, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 22, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 23, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 24, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 25, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 26, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 27, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 28, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 29, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 30, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 31, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L },
                    { 32, null, 0L, null, null, "0000000000000000000000000000000000000000000000000000000000000000", 0L }
                });

            // The log becomes AuditChains.Count chains (ADR 3): the lines so far are chain 1, in their order; new lines
            // are numbered by a sequence, from after the last. The triggers follow each line's own chain.
            migrationBuilder.Sql("""
                ALTER TABLE kernel.audit_entries DISABLE TRIGGER audit_entries_no_change;
                UPDATE kernel.audit_entries SET chain = 1, position = sequence;
                ALTER TABLE kernel.audit_entries ENABLE TRIGGER audit_entries_no_change;
                SELECT setval('kernel.audit_sequence', COALESCE((SELECT max(sequence) FROM kernel.audit_entries), 0) + 1, false);
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION kernel.audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        IF OLD.position <= (SELECT archived_through FROM kernel.audit_chain_head WHERE id = OLD.chain) THEN
                            RETURN OLD;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'the audit log is append-only';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION kernel.audit_chain_head_boundary() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.archived_through < OLD.archived_through OR NEW.archived_through > NEW.last_position THEN
                        RAISE EXCEPTION 'the audit archive boundary only moves forward, and not past the head';
                    END IF;
                    RETURN NEW;
                END $$;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_chain_position",
                schema: "kernel",
                table: "audit_entries",
                columns: new[] { "chain", "position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                CREATE OR REPLACE FUNCTION kernel.audit_chain_head_boundary() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.archived_through < OLD.archived_through OR NEW.archived_through > NEW.last_sequence THEN
                        RAISE EXCEPTION 'the audit archive boundary only moves forward, and not past the head';
                    END IF;
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_chain_position",
                schema: "kernel",
                table: "audit_entries");

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 2);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 3);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 4);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 5);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 6);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 7);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 8);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 9);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 10);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 11);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 12);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 13);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 14);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 15);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 16);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 17);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 18);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 19);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 20);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 21);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 22);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 23);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 24);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 25);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 26);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 27);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 28);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 29);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 30);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 31);

            migrationBuilder.DeleteData(
                schema: "kernel",
                table: "audit_chain_head",
                keyColumn: "id",
                keyValue: 32);

            migrationBuilder.DropColumn(
                name: "chain",
                schema: "kernel",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "position",
                schema: "kernel",
                table: "audit_entries");

            migrationBuilder.DropSequence(
                name: "audit_sequence",
                schema: "kernel");

            migrationBuilder.RenameColumn(
                name: "last_position",
                schema: "kernel",
                table: "audit_chain_head",
                newName: "last_sequence");
        }
    }
}
