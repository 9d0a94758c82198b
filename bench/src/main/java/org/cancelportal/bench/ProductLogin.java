package org.cancelportal.bench;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The product team's login in the benchmark database. The demo data that usually brings it is only made in an empty
 * database, and this one holds a million answers; so the login is written here, hashed the way Jakarta Security's
 * Pbkdf2PasswordHash reads it ("algorithm:iterations:salt:hash", Base64).
 */
final class ProductLogin {

    static final String EMAIL = "product@example.com";
    static final String PASSWORD = "demo1234";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 10_000;

    private ProductLogin() {
    }

    static void ensure(String jdbcUrl) throws SQLException, GeneralSecurityException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement user = connection.prepareStatement(
                     "INSERT INTO app_user (username, password_hash) VALUES (?, ?) ON CONFLICT DO NOTHING");
             PreparedStatement role = connection.prepareStatement(
                     "INSERT INTO app_user_role (username, role) VALUES (?, 'product') ON CONFLICT DO NOTHING")) {
            user.setString(1, EMAIL);
            user.setString(2, hash(PASSWORD));
            user.executeUpdate();
            role.setString(1, EMAIL);
            role.executeUpdate();
        }
    }

    private static String hash(String password) throws GeneralSecurityException {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance(ALGORITHM)
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    }
}
