using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EncryptResidentIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "resident_id_encrypted",
                schema: "registry",
                table: "students",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id_index",
                schema: "registry",
                table: "students",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "resident_id_encrypted",
                schema: "registry",
                table: "staff",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id_index",
                schema: "registry",
                table: "staff",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "resident_id_encrypted",
                schema: "registry",
                table: "guardians",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id_index",
                schema: "registry",
                table: "guardians",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_students_resident_id_index",
                schema: "registry",
                table: "students",
                column: "resident_id_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_resident_id_index",
                schema: "registry",
                table: "staff",
                column: "resident_id_index");

            migrationBuilder.CreateIndex(
                name: "ix_guardians_resident_id_index",
                schema: "registry",
                table: "guardians",
                column: "resident_id_index");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_students_resident_id_index",
                schema: "registry",
                table: "students");

            migrationBuilder.DropIndex(
                name: "ix_staff_resident_id_index",
                schema: "registry",
                table: "staff");

            migrationBuilder.DropIndex(
                name: "ix_guardians_resident_id_index",
                schema: "registry",
                table: "guardians");

            migrationBuilder.DropColumn(
                name: "resident_id_encrypted",
                schema: "registry",
                table: "students");

            migrationBuilder.DropColumn(
                name: "resident_id_index",
                schema: "registry",
                table: "students");

            migrationBuilder.DropColumn(
                name: "resident_id_encrypted",
                schema: "registry",
                table: "staff");

            migrationBuilder.DropColumn(
                name: "resident_id_index",
                schema: "registry",
                table: "staff");

            migrationBuilder.DropColumn(
                name: "resident_id_encrypted",
                schema: "registry",
                table: "guardians");

            migrationBuilder.DropColumn(
                name: "resident_id_index",
                schema: "registry",
                table: "guardians");
        }
    }
}
