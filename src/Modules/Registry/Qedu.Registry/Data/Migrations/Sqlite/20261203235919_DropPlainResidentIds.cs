using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropPlainResidentIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The data step between EncryptResidentIds and this migration (DatabaseMigrator) has moved every ID into
            // the encrypted column; applied alone (without the key) this migration would lose them, so it refuses
            // (SQLite has no RAISE outside triggers: a CHECK constraint fails instead; the table's name says why).
            migrationBuilder.Sql("""
                CREATE TEMP TABLE resident_ids_still_in_clear_run_qedu_db_migrate (n INTEGER CHECK (n = 0));
                INSERT INTO resident_ids_still_in_clear_run_qedu_db_migrate SELECT
                  (SELECT COUNT(*) FROM registry_students WHERE resident_id IS NOT NULL)
                  + (SELECT COUNT(*) FROM registry_guardians WHERE resident_id IS NOT NULL)
                  + (SELECT COUNT(*) FROM registry_staff WHERE resident_id IS NOT NULL);
                DROP TABLE resident_ids_still_in_clear_run_qedu_db_migrate;
                """);

            migrationBuilder.DropIndex(
                name: "ix_registry_students_resident_id",
                table: "registry_students");

            migrationBuilder.DropColumn(
                name: "resident_id",
                table: "registry_students");

            migrationBuilder.DropColumn(
                name: "resident_id",
                table: "registry_staff");

            migrationBuilder.DropColumn(
                name: "resident_id",
                table: "registry_guardians");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "resident_id",
                table: "registry_students",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id",
                table: "registry_staff",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id",
                table: "registry_guardians",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_students_resident_id",
                table: "registry_students",
                column: "resident_id",
                unique: true);
        }
    }
}
