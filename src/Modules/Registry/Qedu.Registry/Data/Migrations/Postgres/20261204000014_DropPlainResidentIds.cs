using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DropPlainResidentIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The data step between EncryptResidentIds and this migration (DatabaseMigrator) has moved every ID into
            // the encrypted column; applied alone (without the key) this migration would lose them, so it refuses.
            migrationBuilder.Sql("""
                DO $$ BEGIN
                  IF EXISTS (SELECT 1 FROM registry.students WHERE resident_id IS NOT NULL)
                     OR EXISTS (SELECT 1 FROM registry.guardians WHERE resident_id IS NOT NULL)
                     OR EXISTS (SELECT 1 FROM registry.staff WHERE resident_id IS NOT NULL) THEN
                    RAISE EXCEPTION 'Resident IDs are still stored in clear: run qedu db migrate, which encrypts them with the key kept outside the database before this migration drops the clear column.';
                  END IF;
                END $$;
                """);

            migrationBuilder.DropIndex(
                name: "ix_students_resident_id",
                schema: "registry",
                table: "students");

            migrationBuilder.DropColumn(
                name: "resident_id",
                schema: "registry",
                table: "students");

            migrationBuilder.DropColumn(
                name: "resident_id",
                schema: "registry",
                table: "staff");

            migrationBuilder.DropColumn(
                name: "resident_id",
                schema: "registry",
                table: "guardians");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "resident_id",
                schema: "registry",
                table: "students",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id",
                schema: "registry",
                table: "staff",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id",
                schema: "registry",
                table: "guardians",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_students_resident_id",
                schema: "registry",
                table: "students",
                column: "resident_id",
                unique: true);
        }
    }
}
