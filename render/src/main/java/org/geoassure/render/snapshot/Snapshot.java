package org.geoassure.render.snapshot;

import com.jme3.app.SimpleApplication;
import com.jme3.light.AmbientLight;
import com.jme3.light.DirectionalLight;
import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector3f;
import com.jme3.post.SceneProcessor;
import com.jme3.profile.AppProfiler;
import com.jme3.renderer.Camera;
import com.jme3.renderer.RenderManager;
import com.jme3.renderer.ViewPort;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Mesh;
import com.jme3.scene.Node;
import com.jme3.scene.VertexBuffer;
import com.jme3.system.AppSettings;
import com.jme3.system.JmeContext;
import com.jme3.texture.FrameBuffer;
import com.jme3.texture.Image;
import com.jme3.util.BufferUtils;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.geoassure.render.mesh.TriangleMesh;

/**
 * Offscreen pictures of a mesh with jMonkeyEngine (for reports and tests): one lit, vertex-coloured mesh, looked at
 * from an azimuth and elevation around the centre of its bounds, on a light background. Needs OpenGL: a display, or
 * with no {@code DISPLAY} Mesa's OSMesa (Debian package {@code libosmesa6}), which renders on the CPU.
 */
public final class Snapshot {
    /** Background colour of every picture (0xRRGGBB). */
    public static final int BACKGROUND = 0xF2F2F2;

    private Snapshot() {
    }

    /**
     * A view: where the camera looks from.
     *
     * @param azimuth degrees clockwise from north of the direction the camera looks towards (0: looking north)
     * @param elevation degrees above the horizon the camera looks down from (90: map view)
     * @param distance metres from the centre of the mesh, or 0 for a distance that frames the whole mesh
     */
    public record View(double azimuth, double elevation, double distance) {
    }

    /**
     * Renders the mesh.
     *
     * @throws IllegalStateException if OpenGL cannot be started (no display and no OSMesa) or rendering times out
     */
    public static BufferedImage render(TriangleMesh mesh, View view, int width, int height) {
        Logger.getLogger("com.jme3").setLevel(Level.SEVERE);
        AppSettings settings = new AppSettings(true);
        if (System.getenv("DISPLAY") == null) {
            System.setProperty("org.lwjgl.opengl.libname", "libOSMesa.so.8");
            org.lwjgl.glfw.GLFW.glfwInitHint(org.lwjgl.glfw.GLFW.GLFW_PLATFORM, org.lwjgl.glfw.GLFW.GLFW_PLATFORM_NULL);
            settings.setRenderer(AppSettings.LWJGL_OPENGL2);
        }
        settings.setResolution(width, height);
        settings.setAudioRenderer(null);
        settings.setVSync(false);
        App app = new App(mesh, view, width, height);
        app.setSettings(settings);
        app.setShowSettings(false);
        app.start(JmeContext.Type.OffscreenSurface);
        try {
            if (!app.done.await(120, TimeUnit.SECONDS)) {
                app.stop();
                throw new IllegalStateException("offscreen rendering did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        }
        app.stop();
        if (app.failure.get() != null) {
            throw new IllegalStateException("offscreen rendering failed: " + app.failure.get(), app.failure.get());
        }
        return app.image.get();
    }

    private static final class App extends SimpleApplication implements SceneProcessor {
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<BufferedImage> image = new AtomicReference<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final TriangleMesh source;
        private final View view;
        private final int width;
        private final int height;
        private final Node scene = new Node("scene");
        private FrameBuffer frame;
        private int frames;
        private boolean initialized;

        App(TriangleMesh source, View view, int width, int height) {
            super((com.jme3.app.state.AppState[]) null);
            this.source = source;
            this.view = view;
            this.width = width;
            this.height = height;
        }

        @Override
        public void handleError(String message, Throwable t) {
            failure.compareAndSet(null, t != null ? t : new IllegalStateException(message));
            done.countDown();
        }

        @Override
        public void simpleInitApp() {
            Geometry g = new Geometry("mesh", jmeMesh(source));
            Material m = new Material(assetManager, "Common/MatDefs/Light/Lighting.j3md");
            m.setBoolean("UseVertexColor", true);
            m.setBoolean("UseMaterialColors", true);
            m.setColor("Diffuse", ColorRGBA.White);
            m.setColor("Ambient", ColorRGBA.White);
            m.setColor("Specular", ColorRGBA.Black);
            g.setMaterial(m);
            scene.attachChild(g);
            DirectionalLight sun = new DirectionalLight(new Vector3f(-0.4f, -1f, -0.3f).normalizeLocal(),
                    ColorRGBA.White.mult(0.75f));
            scene.addLight(sun);
            scene.addLight(new AmbientLight(ColorRGBA.White.mult(0.45f)));

            scene.updateModelBound();
            com.jme3.bounding.BoundingBox box = (com.jme3.bounding.BoundingBox) g.getModelBound();
            Vector3f centre = box.getCenter();
            float radius = new Vector3f(box.getXExtent(), box.getYExtent(), box.getZExtent()).length();
            Camera camera = new Camera(width, height);
            double distance = view.distance() > 0 ? view.distance() : radius * 3.0;
            camera.setFrustumPerspective(35f, (float) width / height, (float) Math.max(0.1, distance / 1000),
                    (float) (distance + 4 * radius));
            double az = Math.toRadians(view.azimuth());
            double el = Math.toRadians(view.elevation());
            // the camera looks towards azimuth az, down by el: it sits on the opposite side, above
            double east = -Math.sin(az) * Math.cos(el);
            double north = -Math.cos(az) * Math.cos(el);
            double up = Math.sin(el);
            Vector3f eye = centre.add((float) (east * distance), (float) (up * distance), (float) (-north * distance));
            camera.setLocation(eye);
            camera.lookAt(centre, Math.abs(up) > 0.999 ? new Vector3f(0, 0, -1) : Vector3f.UNIT_Y);

            frame = new FrameBuffer(width, height, 1);
            frame.setDepthTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.Depth));
            frame.addColorTarget(FrameBuffer.FrameBufferTarget.newTarget(Image.Format.RGBA8));
            ViewPort off = renderManager.createPreView("snapshot", camera);
            off.setClearFlags(true, true, true);
            int bg = BACKGROUND;
            off.setBackgroundColor(new ColorRGBA(((bg >> 16) & 255) / 255f, ((bg >> 8) & 255) / 255f, (bg & 255) / 255f, 1));
            off.setOutputFrameBuffer(frame);
            off.attachScene(scene);
            off.addProcessor(this);
        }

        @Override
        public void simpleUpdate(float tpf) {
            scene.updateLogicalState(tpf);
            scene.updateGeometricState();
        }

        @Override
        public void postFrame(FrameBuffer out) {
            if (++frames != 3) {
                return;
            }
            try {
                ByteBuffer buf = BufferUtils.createByteBuffer(width * height * 4);
                renderer.readFrameBuffer(frame, buf);
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int i = ((height - 1 - y) * width + x) * 4; // rows bottom-up, bytes RGBA
                        int r = buf.get(i) & 255;
                        int g = buf.get(i + 1) & 255;
                        int b = buf.get(i + 2) & 255;
                        img.setRGB(x, y, r << 16 | g << 8 | b);
                    }
                }
                image.set(img);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
            done.countDown();
        }

        @Override
        public void initialize(RenderManager rm, ViewPort vp) {
            initialized = true;
        }

        @Override
        public void reshape(ViewPort vp, int w, int h) {
        }

        @Override
        public boolean isInitialized() {
            return initialized;
        }

        @Override
        public void preFrame(float tpf) {
        }

        @Override
        public void postQueue(RenderQueue rq) {
        }

        @Override
        public void cleanup() {
        }

        @Override
        public void setProfiler(AppProfiler profiler) {
        }
    }

    /** The mesh in jME's axes (y up): world offset (east, north, up) becomes (east, up, -north), as in glTF. */
    static Mesh jmeMesh(TriangleMesh t) {
        int n = t.vertexCount();
        FloatBuffer pos = BufferUtils.createFloatBuffer(3 * n);
        FloatBuffer nrm = BufferUtils.createFloatBuffer(3 * n);
        FloatBuffer col = BufferUtils.createFloatBuffer(4 * n);
        float[] p = t.positions();
        float[] q = t.normals();
        byte[] c = t.colors();
        for (int i = 0; i < n; i++) {
            pos.put(p[3 * i]).put(p[3 * i + 2]).put(-p[3 * i + 1]);
            nrm.put(q[3 * i]).put(q[3 * i + 2]).put(-q[3 * i + 1]);
            col.put((c[4 * i] & 255) / 255f).put((c[4 * i + 1] & 255) / 255f).put((c[4 * i + 2] & 255) / 255f)
                    .put((c[4 * i + 3] & 255) / 255f);
        }
        Mesh m = new Mesh();
        m.setBuffer(VertexBuffer.Type.Position, 3, pos.flip());
        m.setBuffer(VertexBuffer.Type.Normal, 3, nrm.flip());
        m.setBuffer(VertexBuffer.Type.Color, 4, col.flip());
        m.setBuffer(VertexBuffer.Type.Index, 3, BufferUtils.createIntBuffer(t.indices()));
        m.updateBound();
        return m;
    }
}
