using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EncryptResidentIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "resident_id_encrypted",
                table: "registry_students",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id_index",
                table: "registry_students",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "resident_id_encrypted",
                table: "registry_staff",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id_index",
                table: "registry_staff",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "resident_id_encrypted",
                table: "registry_guardians",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resident_id_index",
                table: "registry_guardians",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_students_resident_id_index",
                table: "registry_students",
                column: "resident_id_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_staff_resident_id_index",
                table: "registry_staff",
                column: "resident_id_index");

            migrationBuilder.CreateIndex(
                name: "ix_registry_guardians_resident_id_index",
                table: "registry_guardians",
                column: "resident_id_index");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registry_students_resident_id_index",
                table: "registry_students");

            migrationBuilder.DropIndex(
                name: "ix_registry_staff_resident_id_index",
                table: "registry_staff");

            migrationBuilder.DropIndex(
                name: "ix_registry_guardians_resident_id_index",
                table: "registry_guardians");

            migrationBuilder.DropColumn(
                name: "resident_id_encrypted",
                table: "registry_students");

            migrationBuilder.DropColumn(
                name: "resident_id_index",
                table: "registry_students");

            migrationBuilder.DropColumn(
                name: "resident_id_encrypted",
                table: "registry_staff");

            migrationBuilder.DropColumn(
                name: "resident_id_index",
                table: "registry_staff");

            migrationBuilder.DropColumn(
                name: "resident_id_encrypted",
                table: "registry_guardians");

            migrationBuilder.DropColumn(
                name: "resident_id_index",
                table: "registry_guardians");
        }
    }
}
