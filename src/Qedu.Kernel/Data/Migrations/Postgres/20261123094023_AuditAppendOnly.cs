using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only: the database itself refuses to change, remove or truncate lines.
            migrationBuilder.Sql("""
                CREATE FUNCTION kernel.audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON kernel.audit_entries
                FOR EACH ROW EXECUTE FUNCTION kernel.audit_entries_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON kernel.audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION kernel.audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_entries_no_truncate ON kernel.audit_entries;");
            migrationBuilder.Sql("DROP TRIGGER audit_entries_no_change ON kernel.audit_entries;");
            migrationBuilder.Sql("DROP FUNCTION kernel.audit_entries_append_only();");
        }
    }
}
