using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Qedu.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "last_sequence",
                table: "kernel_audit_chain_head",
                newName: "last_position");

            migrationBuilder.AddColumn<int>(
                name: "chain",
                table: "kernel_audit_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<long>(
                name: "position",
                table: "kernel_audit_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.InsertData(
                table: "kernel_audit_chain_head",
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

            // The log becomes AuditChains.Count chains (ADR 3): the lines so far are chain 1, in their order. The triggers
            // follow each line's own chain (RENAME COLUMN above rewrote the boundary trigger's last_sequence).
            migrationBuilder.Sql("DROP TRIGGER kernel_audit_entries_no_update;");
            migrationBuilder.Sql("UPDATE kernel_audit_entries SET chain = 1, position = sequence;");
            migrationBuilder.Sql("""
                CREATE TRIGGER kernel_audit_entries_no_update BEFORE UPDATE ON kernel_audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
            migrationBuilder.Sql("DROP TRIGGER kernel_audit_entries_no_delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER kernel_audit_entries_no_delete BEFORE DELETE ON kernel_audit_entries
                WHEN OLD.position > (SELECT archived_through FROM kernel_audit_chain_head WHERE id = OLD.chain)
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_chain_position",
                table: "kernel_audit_entries",
                columns: new[] { "chain", "position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER kernel_audit_entries_no_delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER kernel_audit_entries_no_delete BEFORE DELETE ON kernel_audit_entries
                WHEN OLD.sequence > (SELECT archived_through FROM kernel_audit_chain_head WHERE id = 1)
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
            migrationBuilder.DropIndex(
                name: "ix_kernel_audit_entries_chain_position",
                table: "kernel_audit_entries");

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 2);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 3);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 4);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 5);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 6);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 7);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 8);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 9);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 10);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 11);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 12);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 13);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 14);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 15);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 16);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 17);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 18);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 19);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 20);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 21);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 22);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 23);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 24);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 25);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 26);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 27);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 28);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 29);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 30);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 31);

            migrationBuilder.DeleteData(
                table: "kernel_audit_chain_head",
                keyColumn: "id",
                keyValue: 32);

            migrationBuilder.DropColumn(
                name: "chain",
                table: "kernel_audit_entries");

            migrationBuilder.DropColumn(
                name: "position",
                table: "kernel_audit_entries");

            migrationBuilder.RenameColumn(
                name: "last_position",
                table: "kernel_audit_chain_head",
                newName: "last_sequence");
        }
    }
}
