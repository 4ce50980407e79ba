package dev.tenancy.keycloak.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The operations our JAX-RS classes serve, found by walking from a REST root through its sub-resource locators:
 * nothing but the roots is named, so resources may move between packages. A locator declared to return
 * {@code Object} (it hands out a CORS preflight or the resource) is followed to every resource class its
 * bytecode creates or obtains.
 */
final class ServerEndpoints {

    private ServerEndpoints() {
    }

    /** Every operation below the root class mounted at {@code rootPath}. */
    static Set<Endpoint> below(Class<?> root, String rootPath) {
        Set<Endpoint> found = new TreeSet<>();
        walk(root, rootPath, found, new ArrayDeque<>());
        return found;
    }

    private static void walk(Class<?> resource, String prefix, Set<Endpoint> found, Deque<Class<?>> route) {
        if (route.contains(resource)) {
            return;
        }
        route.push(resource);
        for (Method method : resource.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                continue;
            }
            String path = join(prefix, Optional.ofNullable(method.getAnnotation(Path.class)).map(Path::value).orElse(""));
            Optional<String> httpMethod = httpMethod(method);
            if (httpMethod.isPresent()) {
                found.add(new Endpoint(httpMethod.get(), path));
            } else if (method.isAnnotationPresent(Path.class)) {
                for (Class<?> target : locatedResources(method)) {
                    walk(target, path, found, route);
                }
            }
        }
        route.pop();
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst();
    }

    /** The declared return type if it is a resource; otherwise the resources the locator's body hands out. */
    private static Set<Class<?>> locatedResources(Method locator) {
        if (isResource(locator.getReturnType())) {
            return Set.of(locator.getReturnType());
        }
        Set<Class<?>> resources = new LinkedHashSet<>();
        for (String name : typesUsedIn(locator)) {
            load(name, locator.getDeclaringClass().getClassLoader())
                    .filter(ServerEndpoints::isResource)
                    .ifPresent(resources::add);
        }
        if (resources.isEmpty()) {
            throw new IllegalStateException(locator + " is a sub-resource locator, but no resource class was found"
                    + " in its body");
        }
        return resources;
    }

    private static boolean isResource(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .anyMatch(method -> method.isAnnotationPresent(Path.class) || httpMethod(method).isPresent());
    }

    /** Classes the method creates ({@code new}) or receives from the methods it calls. */
    private static Set<String> typesUsedIn(Method method) {
        String owner = Type.getInternalName(method.getDeclaringClass());
        String descriptor = Type.getMethodDescriptor(method);
        Set<String> types = new LinkedHashSet<>();
        try (InputStream bytecode = method.getDeclaringClass().getClassLoader()
                .getResourceAsStream(owner + ".class")) {
            if (bytecode == null) {
                throw new IllegalStateException("no bytecode for " + owner);
            }
            new ClassReader(bytecode).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature,
                        String[] exceptions) {
                    if (!name.equals(method.getName()) || !desc.equals(descriptor)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitTypeInsn(int opcode, String type) {
                            if (opcode == Opcodes.NEW) {
                                types.add(type);
                            }
                        }

                        @Override
                        public void visitMethodInsn(int opcode, String callee, String name, String desc,
                                boolean isInterface) {
                            Type returned = Type.getReturnType(desc);
                            if (returned.getSort() == Type.OBJECT) {
                                types.add(returned.getInternalName());
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private static Optional<Class<?>> load(String internalName, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(internalName.replace('/', '.'), false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static String join(String prefix, String path) {
        String tail = path.startsWith("/") ? path.substring(1) : path;
        if (tail.isEmpty()) {
            return prefix;
        }
        return (prefix.endsWith("/") ? prefix : prefix + "/") + tail;
    }
}
