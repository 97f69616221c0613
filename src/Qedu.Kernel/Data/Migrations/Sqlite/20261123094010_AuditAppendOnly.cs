using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only: the database itself refuses to change or remove a line.
            migrationBuilder.Sql("""
                CREATE TRIGGER kernel_audit_entries_no_update BEFORE UPDATE ON kernel_audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER kernel_audit_entries_no_delete BEFORE DELETE ON kernel_audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER kernel_audit_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER kernel_audit_entries_no_delete;");
        }
    }
}
